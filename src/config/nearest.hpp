/// Words in messages: "did you mean ...?" suggestions and "expected one of: ..." lists.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace contentlint::config {

/// The candidate closest to `word` by edit distance (ignoring case, a transposition
/// counting as one edit), when it is close enough to be a plausible misspelling: at most a
/// third of the longer word's length (at least one edit), and fewer edits than the
/// candidate has characters; failing that, the first candidate that the word (of three
/// characters or more) abbreviates. Ties go to the earlier candidate. The returned view points into
/// `candidates`' storage.
std::optional<std::string_view> nearest(std::string_view word,
                                        std::span<const std::string_view> candidates);

/// The words separated by ", ", for "expected one of: ..." messages.
std::string join_words(std::span<const std::string_view> words);

}  // namespace contentlint::config
