/// `file://` URIs, as clients name documents, to and from file system paths.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace contentlint::lsp {

/// The absolute path a `file:` URI names (`file:///a/b%20c.md` gives "/a/b c.md"; the
/// authority may be empty or "localhost"), or nullopt for another scheme (`untitled:`),
/// another host, a bad percent escape, an encoded NUL or a relative path.
std::optional<std::filesystem::path> uri_to_path(std::string_view uri);

/// The `file://` URI of an absolute path, percent-encoding every byte outside RFC 3986's
/// unreserved characters and `/`.
std::string path_to_uri(const std::filesystem::path& path);

}  // namespace contentlint::lsp
