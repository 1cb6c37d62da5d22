#include "rules/declarative.hpp"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>

#include "core/document.hpp"
#include "core/utf8.hpp"
#include "frontmatter/frontmatter.hpp"
#include "schema/text.hpp"

namespace contentlint::rules {

namespace fs = std::filesystem;

namespace {

// One bit per place a rule may look.
enum ScopeBit : unsigned {
  kText = 1,
  kHeading = 2,
  kLinkText = 4,
  kAltText = 8,
  kField = 16,
};
constexpr unsigned kProse = kText | kHeading | kLinkText | kAltText;

struct ScopeName {
  std::string_view name;
  unsigned bit;
};
constexpr ScopeName kScopes[] = {
    {"text", kText},        {"heading", kHeading}, {"link-text", kLinkText},
    {"alt-text", kAltText}, {"field", kField},
};
constexpr std::string_view kScopeNames[] = {"text", "heading", "link-text", "alt-text", "field"};

constexpr std::string_view kKeys[] = {
    "id",       "level", "message", "kind",    "scope",   "ignore-case", "tokens",
    "patterns", "swap",  "field",   "pattern", "summary", "description",
};
constexpr std::string_view kKinds[] = {"existence", "substitution", "field-pattern"};
constexpr std::string_view kLevels[] = {"off", "info", "warning", "error"};

// A rule file is a few lines; a larger one is a mistake, not a rule to compile.
constexpr std::uintmax_t kMaxFileSize = 1 << 20;

std::string_view kind_name(DeclarativeKind kind) { return kKinds[static_cast<int>(kind)]; }

unsigned scope_bit(markdown::TextRun::Scope scope) {
  switch (scope) {
    case markdown::TextRun::Scope::text:
      return kText;
    case markdown::TextRun::Scope::heading:
      return kHeading;
    case markdown::TextRun::Scope::link_text:
      return kLinkText;
    case markdown::TextRun::Scope::alt_text:
      return kAltText;
  }
  return 0;
}

std::string join_words(std::span<const std::string_view> words) {
  std::string out;
  for (std::string_view word : words) {
    if (!out.empty()) out += ", ";
    out += word;
  }
  return out;
}

std::string_view placeholders_of(DeclarativeKind kind) {
  switch (kind) {
    case DeclarativeKind::existence:
      return "{match}";
    case DeclarativeKind::substitution:
      return "{match} and {expected}";
    case DeclarativeKind::field_pattern:
      return "{match} and {field}";
  }
  return "";
}

bool placeholder_allowed(DeclarativeKind kind, std::string_view name) {
  if (name == "match") return true;
  if (name == "expected") return kind == DeclarativeKind::substitution;
  if (name == "field") return kind == DeclarativeKind::field_pattern;
  return false;
}

bool is_placeholder_char(char c) { return (c >= 'a' && c <= 'z') || c == '_' || c == '-'; }

// `{name}` with a lowercase name is a placeholder; any other brace is literal text.
template <typename OnPlaceholder>
void each_placeholder(std::string_view message, OnPlaceholder&& on_placeholder) {
  for (std::size_t open = message.find('{'); open != std::string_view::npos;
       open = message.find('{', open + 1)) {
    std::size_t end = open + 1;
    while (end < message.size() && is_placeholder_char(message[end])) ++end;
    if (end > open + 1 && end < message.size() && message[end] == '}') {
      on_placeholder(open, message.substr(open + 1, end - open - 1));
    }
  }
}

std::string format_message(std::string_view message, std::string_view match,
                           std::string_view expected, std::string_view field) {
  std::string out;
  std::size_t done = 0;
  each_placeholder(message, [&](std::size_t open, std::string_view name) {
    out += message.substr(done, open - done);
    out += name == "match" ? match : name == "expected" ? expected : field;
    done = open + name.size() + 2;
  });
  out += message.substr(done);
  return out;
}

std::unique_ptr<RE2> compile(std::string_view pattern, bool ignore_case) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_case_sensitive(!ignore_case);
  return std::make_unique<RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
}

// A word as a regex: its spaces match any run of blanks, everything else is literal.
std::string word_regex(std::string_view word) {
  std::string out;
  std::size_t start = 0;
  while (start <= word.size()) {
    std::size_t space = word.find(' ', start);
    if (space == std::string_view::npos) space = word.size();
    if (space > start) {
      if (!out.empty()) out += "\\s+";
      std::string_view part = word.substr(start, space - start);
      out += RE2::QuoteMeta(re2::StringPiece(part.data(), part.size()));
    }
    start = space + 1;
  }
  return out;
}

// Whether the code point at `offset` of `text` is part of a word: a letter, a digit, a
// combining mark or `_`, in any script.
bool is_word_at(std::string_view text, std::size_t offset) {
  static const RE2 word_char("[\\pL\\pN\\pM_]");
  std::size_t end = offset;
  core::decode_code_point(text, end);
  return RE2::FullMatch(re2::StringPiece(text.data() + offset, end - offset), word_char);
}

std::size_t previous_code_point(std::string_view text, std::size_t offset) {
  do {
    --offset;
  } while (offset > 0 && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80);
  return offset;
}

// Whether the match [begin, end) of `text` stands alone as a word. Where the match starts
// or ends with a word character, the character beside it must not be one, nor join it
// into a domain name, a path, a handle or a hashtag: `github.com`, `.github`, `/github`,
// `@github`, `#github` are not the word `github`, while `Github.` ending a sentence is.
bool stands_alone(std::string_view text, std::size_t begin, std::size_t end) {
  if (begin > 0 && is_word_at(text, begin)) {
    std::size_t before = previous_code_point(text, begin);
    char c = text[before];
    if (c == '/' || c == '@' || c == '.' || c == '#' || is_word_at(text, before)) return false;
  }
  if (end < text.size() && is_word_at(text, previous_code_point(text, end))) {
    char c = text[end];
    if (c == '/' || c == '@' || is_word_at(text, end)) return false;
    if (c == '.' && end + 1 < text.size() && is_word_at(text, end + 1)) return false;
  }
  return true;
}

// The URLs (`scheme://...` up to a blank or a quote) in `span` of `text`, in order: a front
// matter value is not Markdown, so nobody found them before.
std::vector<core::ByteSpan> urls_in(std::string_view text, core::ByteSpan span) {
  std::vector<core::ByteSpan> urls;
  std::string_view slice = text.substr(span.begin, span.size());
  std::size_t end = 0;
  for (std::size_t at = slice.find("://"); at != std::string_view::npos;
       at = slice.find("://", end)) {
    std::size_t begin = at;
    while (begin > 0 && std::isalpha(static_cast<unsigned char>(slice[begin - 1]))) --begin;
    end = std::min(slice.size(), slice.find_first_of(" \t\r\n'\"", at));
    urls.push_back({span.begin + begin, span.begin + end});
  }
  return urls;
}

bool overlaps_any(const std::vector<core::ByteSpan>& spans, core::ByteSpan span) {
  auto it = std::lower_bound(spans.begin(), spans.end(), span.begin,
                             [](const core::ByteSpan& s, std::size_t at) { return s.end <= at; });
  return it != spans.end() && it->begin < span.end;
}

// Calls on_match(span, found) for each non-empty, non-overlapping match of `re` in `span`
// of `text`; `found` (at least `groups` long, reused across calls so that scanning
// allocates nothing) holds the submatches. The regex sees only the span (`^` and `$` are
// its ends); the word check looks at the document around it.
template <typename OnMatch>
void each_match(const RE2& re, std::string_view text, core::ByteSpan span, int groups,
                bool whole_words, std::vector<re2::StringPiece>& found, OnMatch&& on_match) {
  re2::StringPiece haystack(text.data() + span.begin, span.size());
  std::size_t pos = 0;
  while (pos < haystack.size() &&
         re.Match(haystack, pos, haystack.size(), RE2::UNANCHORED, found.data(), groups)) {
    std::size_t begin = span.begin + static_cast<std::size_t>(found[0].data() - haystack.data());
    std::size_t end = begin + found[0].size();
    if (begin == end || (whole_words && !stands_alone(text, begin, end))) {
      std::size_t next = begin;
      core::decode_code_point(text, next);
      pos = next - span.begin;
      continue;
    }
    on_match(core::ByteSpan{begin, end}, found);
    pos = end - span.begin;
  }
}

// A YAML plain or quoted scalar keeps its meaning when a word in it is replaced by one
// without these characters.
bool safe_in_yaml(std::string_view replacement) {
  return replacement.find_first_of(":#'\"\\\n\r{}[],&*!|>%@`") == std::string_view::npos;
}

}  // namespace

/// The validated content of one rule file.
struct DeclarativeDefinition {
  std::string path;
  std::string id;
  core::Position id_position;
  core::Severity level = core::Severity::warning;
  DeclarativeKind kind = DeclarativeKind::existence;
  std::string message;
  unsigned scopes = 0;
  bool ignore_case = false;
  std::vector<std::string> tokens;
  std::unique_ptr<RE2> tokens_re;  // every token, longest first
  std::vector<std::string> pattern_texts;
  std::vector<std::unique_ptr<RE2>> patterns;
  // Wrong form → right form, longest wrong form first; swap_re's group i + 1 is swaps[i].
  std::vector<std::pair<std::string, std::string>> swaps;
  std::unique_ptr<RE2> swap_re;
  std::vector<std::string> fields;  // dotted paths
  std::string field_pattern;
  std::unique_ptr<RE2> field_re;
  std::string summary, what, why, bad, good;
};

namespace {

/// Reads one rule file's tree into a definition, checking every key on the way.
class Reader {
 public:
  explicit Reader(DeclarativeDefinition& definition) : d_(definition) {}

  std::optional<core::Error> read(const core::Node& root) {
    if (!root.is_mapping()) {
      return error(root, fmt::format("a rule file must be a mapping of keys, found {}",
                                     core::describe_type(root)));
    }
    for (const core::Entry& entry : root.entries) {
      if (std::find(std::begin(kKeys), std::end(kKeys), entry.key.text) == std::end(kKeys)) {
        return error(entry.key, unknown_key_message(entry.key.text));
      }
      keys_[entry.key.text] = &entry;
    }
    if (auto failure = read_id(root)) return failure;
    if (auto failure = read_kind(root)) return failure;
    if (auto failure = read_level()) return failure;
    if (auto failure = read_message(root)) return failure;
    if (auto failure = read_bool("ignore-case", d_.ignore_case)) return failure;
    if (auto failure = check_kind_keys()) return failure;
    if (auto failure = read_fields()) return failure;
    if (auto failure = read_scope()) return failure;
    switch (d_.kind) {
      case DeclarativeKind::existence:
        if (auto failure = read_existence()) return failure;
        break;
      case DeclarativeKind::substitution:
        if (auto failure = read_substitution()) return failure;
        break;
      case DeclarativeKind::field_pattern:
        if (auto failure = read_field_pattern()) return failure;
        break;
    }
    if (auto failure = read_string("summary", d_.summary)) return failure;
    if (auto failure = read_string("description", d_.what)) return failure;
    return std::nullopt;
  }

 private:
  core::Error error(const core::Node& at, std::string message) const {
    return core::Error{d_.path, at.position, std::move(message)};
  }

  static std::string unknown_key_message(std::string_view key) {
    // Vale calls the kind `extends`; its users will write that.
    if (key == "extends") return "unknown key 'extends'; did you mean 'kind'?";
    schema::Nearest nearest(key);
    for (std::string_view known : kKeys) nearest.consider(known);
    if (auto best = nearest.best()) {
      return fmt::format("unknown key '{}'; did you mean '{}'?", key, *best);
    }
    return fmt::format("unknown key '{}'; expected one of: {}", key, join_words(kKeys));
  }

  const core::Entry* find(std::string_view key) const {
    auto it = keys_.find(key);
    return it != keys_.end() ? it->second : nullptr;
  }

  std::optional<core::Error> string_value(const core::Entry& entry, std::string& out) const {
    if (!entry.value.is_scalar()) {
      return error(entry.value, fmt::format("'{}' must be a string, found {}", entry.key.text,
                                            core::describe_type(entry.value)));
    }
    out = entry.value.text;
    return std::nullopt;
  }

  std::optional<core::Error> read_string(std::string_view key, std::string& out) const {
    const core::Entry* entry = find(key);
    return entry != nullptr ? string_value(*entry, out) : std::nullopt;
  }

  std::optional<core::Error> read_bool(std::string_view key, bool& out) const {
    const core::Entry* entry = find(key);
    if (entry == nullptr) return std::nullopt;
    std::optional<bool> value = entry->value.as_bool();
    if (!value) {
      return error(entry->value, fmt::format("'{}' must be true or false, found {}", key,
                                             core::describe_type(entry->value)));
    }
    out = *value;
    return std::nullopt;
  }

  // A string or a list of strings, none empty.
  std::optional<core::Error> read_strings(const core::Entry& entry,
                                          std::vector<const core::Node*>& out) const {
    const core::Node& value = entry.value;
    auto check = [&](const core::Node& item) -> std::optional<core::Error> {
      if (!item.is_scalar()) {
        return error(item, fmt::format("'{}' must be a list of strings, found {} in it",
                                       entry.key.text, core::describe_type(item)));
      }
      if (item.text.empty())
        return error(item, fmt::format("empty string in '{}'", entry.key.text));
      out.push_back(&item);
      return std::nullopt;
    };
    if (value.is_scalar()) return check(value);
    if (!value.is_sequence() || value.items.empty()) {
      return error(
          value, fmt::format("'{}' must be a string or a list of strings, found {}", entry.key.text,
                             value.is_sequence() ? "an empty list" : core::describe_type(value)));
    }
    for (const core::Node& item : value.items) {
      if (auto failure = check(item)) return failure;
    }
    return std::nullopt;
  }

  std::optional<core::Error> read_id(const core::Node& root) {
    const core::Entry* entry = find("id");
    if (entry == nullptr)
      return error(root, "missing 'id' (category/name, like style/product-name)");
    if (auto failure = string_value(*entry, d_.id)) return failure;
    static const RE2 id_form("[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*");
    if (!RE2::FullMatch(d_.id, id_form)) {
      return error(entry->value,
                   fmt::format("'id' must be category/name in lowercase letters, digits and "
                               "dashes, like style/product-name, found '{}'",
                               d_.id));
    }
    d_.id_position = entry->value.position;
    return std::nullopt;
  }

  std::optional<core::Error> read_kind(const core::Node& root) {
    const core::Entry* entry = find("kind");
    if (entry == nullptr) {
      return error(root, "missing 'kind' (existence, substitution or field-pattern)");
    }
    std::string kind;
    if (auto failure = string_value(*entry, kind)) return failure;
    for (std::size_t i = 0; i < std::size(kKinds); ++i) {
      if (kKinds[i] == kind) {
        d_.kind = static_cast<DeclarativeKind>(i);
        return std::nullopt;
      }
    }
    schema::Nearest nearest(kind);
    for (std::string_view known : kKinds) nearest.consider(known);
    if (auto best = nearest.best()) {
      return error(entry->value, fmt::format("unknown kind '{}'; did you mean '{}'?", kind, *best));
    }
    return error(entry->value, fmt::format("unknown kind '{}'; expected existence, substitution or "
                                           "field-pattern",
                                           kind));
  }

  std::optional<core::Error> read_level() {
    const core::Entry* entry = find("level");
    if (entry == nullptr) return std::nullopt;
    std::string level;
    if (auto failure = string_value(*entry, level)) return failure;
    if (auto severity = core::parse_severity(level)) {
      d_.level = *severity;
      return std::nullopt;
    }
    schema::Nearest nearest(level);
    for (std::string_view known : kLevels) nearest.consider(known);
    if (auto best = nearest.best()) {
      return error(entry->value,
                   fmt::format("unknown level '{}'; did you mean '{}'?", level, *best));
    }
    return error(entry->value,
                 fmt::format("unknown level '{}'; expected off, info, warning or error", level));
  }

  std::optional<core::Error> read_message(const core::Node& root) {
    const core::Entry* entry = find("message");
    if (entry == nullptr) return error(root, "missing 'message'");
    if (auto failure = string_value(*entry, d_.message)) return failure;
    if (d_.message.empty()) return error(entry->value, "'message' is empty");
    std::optional<core::Error> failure;
    each_placeholder(d_.message, [&](std::size_t, std::string_view name) {
      if (failure || placeholder_allowed(d_.kind, name)) return;
      failure =
          error(entry->value,
                fmt::format("unknown placeholder '{{{}}}' in 'message'; {} {} rule's message may "
                            "use {}",
                            name, d_.kind == DeclarativeKind::existence ? "an" : "a",
                            kind_name(d_.kind), placeholders_of(d_.kind)));
    });
    return failure;
  }

  // A key that only one kind reads is an error in a rule of another kind: it would be
  // silently ignored.
  std::optional<core::Error> check_kind_keys() const {
    struct Owner {
      std::string_view key;
      DeclarativeKind kind;
    };
    constexpr Owner kOwners[] = {
        {"tokens", DeclarativeKind::existence},
        {"patterns", DeclarativeKind::existence},
        {"swap", DeclarativeKind::substitution},
        {"pattern", DeclarativeKind::field_pattern},
    };
    for (const Owner& owner : kOwners) {
      const core::Entry* entry = find(owner.key);
      if (entry == nullptr || owner.kind == d_.kind) continue;
      return error(entry->key, fmt::format("'{}' belongs to {} rules; this rule's kind is {}",
                                           owner.key, kind_name(owner.kind), kind_name(d_.kind)));
    }
    return std::nullopt;
  }

  std::optional<core::Error> read_fields() {
    const core::Entry* entry = find("field");
    if (entry == nullptr) return std::nullopt;
    std::vector<const core::Node*> items;
    if (auto failure = read_strings(*entry, items)) return failure;
    for (const core::Node* item : items) d_.fields.push_back(item->text);
    return std::nullopt;
  }

  std::optional<core::Error> read_scope() {
    const core::Entry* entry = find("scope");
    const core::Entry* field = find("field");
    if (entry == nullptr) {
      d_.scopes =
          d_.kind == DeclarativeKind::field_pattern ? kField : kProse | (field ? kField : 0u);
      return std::nullopt;
    }
    std::vector<const core::Node*> items;
    if (auto failure = read_strings(*entry, items)) return failure;
    for (const core::Node* item : items) {
      auto known = std::find_if(std::begin(kScopes), std::end(kScopes),
                                [&](const ScopeName& scope) { return scope.name == item->text; });
      if (known == std::end(kScopes)) {
        schema::Nearest nearest(item->text);
        for (std::string_view name : kScopeNames) nearest.consider(name);
        if (auto best = nearest.best()) {
          return error(*item,
                       fmt::format("unknown scope '{}'; did you mean '{}'?", item->text, *best));
        }
        return error(*item, fmt::format("unknown scope '{}'; expected one of: {}", item->text,
                                        join_words(kScopeNames)));
      }
      if (d_.kind == DeclarativeKind::field_pattern && known->bit != kField) {
        return error(*item, fmt::format("scope '{}' does not apply to field-pattern rules; they "
                                        "check front matter fields (scope: field)",
                                        item->text));
      }
      d_.scopes |= known->bit;
    }
    if ((d_.scopes & kField) != 0 && field == nullptr) {
      return error(entry->value,
                   "scope 'field' needs 'field' (the front matter fields to check, as dotted "
                   "paths)");
    }
    if ((d_.scopes & kField) == 0 && field != nullptr) {
      return error(field->key, "'field' is only read with scope 'field'; add it to 'scope'");
    }
    return std::nullopt;
  }

  core::Expected<std::unique_ptr<RE2>> compile_checked(const core::Node& at,
                                                       std::string_view pattern) const {
    std::unique_ptr<RE2> re = compile(pattern, d_.ignore_case);
    if (!re->ok()) return error(at, fmt::format("invalid regex: {}", re->error()));
    return re;
  }

  std::optional<core::Error> read_existence() {
    const core::Entry* tokens = find("tokens");
    const core::Entry* patterns = find("patterns");
    if (tokens == nullptr && patterns == nullptr) {
      return error(find("kind")->value, "an existence rule needs 'tokens' or 'patterns'");
    }
    if (tokens != nullptr) {
      std::vector<const core::Node*> items;
      if (auto failure = read_strings(*tokens, items)) return failure;
      for (const core::Node* item : items) d_.tokens.push_back(item->text);
      std::vector<std::string> ordered = d_.tokens;
      std::stable_sort(
          ordered.begin(), ordered.end(),
          [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
      std::string alternation;
      for (const std::string& token : ordered) {
        alternation += alternation.empty() ? "" : "|";
        alternation += word_regex(token);
      }
      auto re = compile_checked(tokens->value, alternation);
      if (!re) return re.error();
      d_.tokens_re = std::move(*re);
    }
    if (patterns != nullptr) {
      std::vector<const core::Node*> items;
      if (auto failure = read_strings(*patterns, items)) return failure;
      for (const core::Node* item : items) {
        auto re = compile_checked(*item, item->text);
        if (!re) return re.error();
        if (RE2::FullMatch("", **re)) {
          return error(*item, fmt::format("pattern '{}' matches empty text", item->text));
        }
        d_.pattern_texts.push_back(item->text);
        d_.patterns.push_back(std::move(*re));
      }
    }
    return std::nullopt;
  }

  std::optional<core::Error> read_substitution() {
    const core::Entry* swap = find("swap");
    if (swap == nullptr) {
      return error(find("kind")->value,
                   "a substitution rule needs 'swap' (a mapping of wrong forms to right ones)");
    }
    const core::Node& value = swap->value;
    if (!value.is_mapping() || value.entries.empty()) {
      return error(
          value, fmt::format("'swap' must be a mapping of wrong forms to right ones, "
                             "found {}",
                             value.is_mapping() ? "an empty mapping" : core::describe_type(value)));
    }
    for (const core::Entry& entry : value.entries) {
      if (entry.key.text.empty()) return error(entry.key, "empty wrong form in 'swap'");
      if (!entry.value.is_scalar() || entry.value.text.empty()) {
        return error(
            entry.value,
            fmt::format(
                "the right form of '{}' in 'swap' must be a string, found {}", entry.key.text,
                entry.value.is_scalar() ? "an empty string" : core::describe_type(entry.value)));
      }
      if (entry.key.text == entry.value.text) {
        return error(entry.key, fmt::format("'swap' maps '{}' to itself", entry.key.text));
      }
      d_.swaps.emplace_back(entry.key.text, entry.value.text);
    }
    std::stable_sort(d_.swaps.begin(), d_.swaps.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    std::string alternation;
    for (const auto& [wrong, right] : d_.swaps) {
      alternation += alternation.empty() ? "(" : "|(";
      alternation += word_regex(wrong);
      alternation += ")";
    }
    auto re = compile_checked(value, alternation);
    if (!re) return re.error();
    d_.swap_re = std::move(*re);
    return std::nullopt;
  }

  std::optional<core::Error> read_field_pattern() {
    const core::Node& kind = find("kind")->value;
    if (find("field") == nullptr) {
      return error(kind,
                   "a field-pattern rule needs 'field' (a front matter field, as a dotted path)");
    }
    const core::Entry* pattern = find("pattern");
    if (pattern == nullptr) return error(kind, "a field-pattern rule needs 'pattern' (a regex)");
    if (auto failure = string_value(*pattern, d_.field_pattern)) return failure;
    auto re = compile_checked(pattern->value, d_.field_pattern);
    if (!re) return re.error();
    d_.field_re = std::move(*re);
    return std::nullopt;
  }

  DeclarativeDefinition& d_;
  std::map<std::string, const core::Entry*, std::less<>> keys_;
};

std::string quoted_list(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " or " : ", ";
    out += fmt::format("`{}`", words[i]);
  }
  return out;
}

std::string scope_words(unsigned scopes) {
  std::vector<std::string> words;
  if (scopes & kText) words.emplace_back("paragraphs");
  if (scopes & kHeading) words.emplace_back("headings");
  if (scopes & kLinkText) words.emplace_back("link text");
  if (scopes & kAltText) words.emplace_back("image alt text");
  if (scopes & kField) words.emplace_back("front matter fields");
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " and " : ", ";
    out += words[i];
  }
  return out;
}

// The documentation `explain` shows, where the file does not give it.
void fill_docs(DeclarativeDefinition& d) {
  std::string where = scope_words(d.scopes);
  if (!d.fields.empty() && d.kind != DeclarativeKind::field_pattern) {
    std::vector<std::string> fields = d.fields;
    where += fmt::format(" ({})", quoted_list(fields));
  }
  std::string_view case_note = d.ignore_case ? ", ignoring case" : "";
  switch (d.kind) {
    case DeclarativeKind::existence: {
      std::vector<std::string> found = d.tokens;
      for (const std::string& pattern : d.pattern_texts) found.push_back("/" + pattern + "/");
      if (d.summary.empty())
        d.summary = fmt::format("text this site avoids: {}", quoted_list(found));
      if (d.what.empty()) {
        d.what = fmt::format(
            "Reports {} in {}{}. Code, URLs and front matter keys are never "
            "checked.",
            quoted_list(found), where, case_note);
      }
      if (!d.tokens.empty()) d.bad = d.tokens.front() + "\n";
      break;
    }
    case DeclarativeKind::substitution: {
      std::vector<std::string> wrong;
      for (const auto& swap : d.swaps) wrong.push_back(swap.first);
      if (d.summary.empty()) {
        d.summary = fmt::format("a spelling this site replaces: {}", quoted_list(wrong));
      }
      if (d.what.empty()) {
        std::string pairs;
        for (const auto& [from, to] : d.swaps) {
          pairs += fmt::format("{}`{}` → `{}`", pairs.empty() ? "" : ", ", from, to);
        }
        d.what = fmt::format("Reports {} in {}{}, and --fix writes the right form: {}.",
                             quoted_list(wrong), where, case_note, pairs);
      }
      d.bad = d.swaps.front().first + "\n";
      d.good = d.swaps.front().second + "\n";
      break;
    }
    case DeclarativeKind::field_pattern: {
      std::string fields = quoted_list(d.fields);
      if (d.summary.empty()) {
        d.summary = fmt::format("front matter {} not matching /{}/", fields, d.field_pattern);
      }
      if (d.what.empty()) {
        d.what = fmt::format(
            "Reports a value of the front matter field {} (each item of a list) "
            "that does not match the regex /{}/{}. A missing field is the "
            "schema's business, not this rule's.",
            fields, d.field_pattern, case_note);
      }
      break;
    }
  }
  d.why = fmt::format("A rule of this site's style: a declarative {} rule, defined in {}.",
                      kind_name(d.kind), d.path);
}

/// Runs one definition; the definition outlives it (the Catalog owns both).
class DeclarativeRule final : public Rule {
 public:
  explicit DeclarativeRule(const DeclarativeDefinition& definition) : d_(definition) {}

  void check(const Article& article, core::DiagnosticSink& sink) const override {
    std::string_view text = article.document.text();
    std::vector<re2::StringPiece> found(d_.swaps.size() + 1);
    if ((d_.scopes & kProse) != 0) {
      // Bare URLs sit inside text runs; a word in a URL is not prose.
      std::vector<core::ByteSpan> urls;
      for (const markdown::Link& link : article.body.links) {
        if (link.form == markdown::Link::Form::bare_url) urls.push_back(link.span);
      }
      for (const markdown::TextRun& run : article.body.text) {
        if ((d_.scopes & scope_bit(run.scope)) == 0) continue;
        scan(text, run.span, urls, false, found, sink);
      }
    }
    if ((d_.scopes & kField) == 0) return;
    const auto& root = article.front_matter.yaml.root;
    if (!root || !root->is_mapping()) return;
    for (const std::string& field : d_.fields) {
      const core::Node* node = root->find_path(field);
      if (node == nullptr) continue;
      if (node->is_scalar()) check_field(text, *node, field, found, sink);
      if (!node->is_sequence()) continue;
      for (const core::Node& item : node->items) {
        if (item.is_scalar()) check_field(text, item, field, found, sink);
      }
    }
  }

 private:
  void check_field(std::string_view text, const core::Node& node, std::string_view field,
                   std::vector<re2::StringPiece>& found, core::DiagnosticSink& sink) const {
    if (d_.kind != DeclarativeKind::field_pattern) {
      // The value as written: its bytes are where a fix goes.
      scan(text, node.span, urls_in(text, node.span), true, found, sink);
      return;
    }
    if (!RE2::PartialMatch(node.text, *d_.field_re)) {
      sink.report(node.span, format_message(d_.message, node.text, "", field));
    }
  }

  void scan(std::string_view text, core::ByteSpan span, const std::vector<core::ByteSpan>& urls,
            bool in_yaml, std::vector<re2::StringPiece>& found, core::DiagnosticSink& sink) const {
    auto report = [&](core::ByteSpan match) {
      sink.report(match,
                  format_message(d_.message, text.substr(match.begin, match.size()), "", ""));
    };
    if (d_.kind == DeclarativeKind::existence) {
      if (d_.tokens_re) {
        each_match(*d_.tokens_re, text, span, 1, true, found,
                   [&](core::ByteSpan match, const auto&) {
                     if (!overlaps_any(urls, match)) report(match);
                   });
      }
      for (const auto& pattern : d_.patterns) {
        each_match(*pattern, text, span, 1, false, found, [&](core::ByteSpan match, const auto&) {
          if (!overlaps_any(urls, match)) report(match);
        });
      }
      return;
    }
    int groups = static_cast<int>(d_.swaps.size()) + 1;
    each_match(*d_.swap_re, text, span, groups, true, found,
               [&](core::ByteSpan match, const std::vector<re2::StringPiece>& submatches) {
                 if (overlaps_any(urls, match)) return;
                 std::size_t which = 1;
                 while (which < submatches.size() && submatches[which].data() == nullptr) ++which;
                 const std::string& expected = d_.swaps[which - 1].second;
                 std::string_view written = text.substr(match.begin, match.size());
                 // With ignore-case the right form matches its own wrong forms.
                 if (written == expected) return;
                 std::string message = format_message(d_.message, written, expected, "");
                 if (in_yaml && !safe_in_yaml(expected)) {
                   sink.report(match, std::move(message));
                   return;
                 }
                 core::Fix fix{fmt::format("replace '{}' with '{}'", written, expected),
                               core::FixSafety::safe,
                               {core::Edit{match, expected}}};
                 sink.report(match, std::move(message), std::move(fix));
               });
  }

  const DeclarativeDefinition& d_;
};

core::Error read_error(const std::string& display, std::string message) {
  return core::Error{display, std::nullopt, std::move(message)};
}

}  // namespace

core::Expected<std::unique_ptr<Declarative>> Declarative::load(std::string path, std::string text) {
  core::Document document(path, std::move(text));
  frontmatter::Yaml yaml = frontmatter::parse_yaml(document, {0, document.text().size()});
  if (!yaml.problems.empty()) {
    const frontmatter::Problem& problem = yaml.problems.front();
    return core::Error{path, document.position(problem.span.begin), problem.message};
  }
  if (!yaml.root || yaml.root->is_null()) return std::unique_ptr<Declarative>();
  auto definition = std::make_unique<DeclarativeDefinition>();
  definition->path = std::move(path);
  if (auto failure = Reader(*definition).read(*yaml.root)) return *failure;
  fill_docs(*definition);
  return std::unique_ptr<Declarative>(new Declarative(std::move(definition)));
}

Declarative::Declarative(std::unique_ptr<DeclarativeDefinition> definition)
    : definition_(std::move(definition)),
      meta_{.id = definition_->id,
            .default_severity = definition_->level,
            .fixable = definition_->kind == DeclarativeKind::substitution,
            .summary = definition_->summary,
            .what = definition_->what,
            .why = definition_->why,
            .bad = definition_->bad,
            .good = definition_->good},
      entry_{meta_, nullptr} {}

Declarative::~Declarative() = default;

DeclarativeKind Declarative::kind() const { return definition_->kind; }

const std::string& Declarative::path() const { return definition_->path; }

core::Position Declarative::id_position() const { return definition_->id_position; }

std::unique_ptr<Rule> Declarative::make_rule() const {
  return std::make_unique<DeclarativeRule>(*definition_);
}

Catalog::Catalog() {
  for (const RuleEntry& entry : registry()) entries_.push_back(&entry);
}

const RuleEntry* Catalog::find(std::string_view id) const {
  auto it = std::lower_bound(
      entries_.begin(), entries_.end(), id,
      [](const RuleEntry* entry, std::string_view key) { return entry->meta.id < key; });
  return it != entries_.end() && (*it)->meta.id == id ? *it : nullptr;
}

const Declarative* Catalog::declarative(std::string_view id) const {
  for (const auto& rule : declarative_) {
    if (rule->meta().id == id) return rule.get();
  }
  return nullptr;
}

std::optional<core::Error> Catalog::add(std::unique_ptr<Declarative> rule) {
  std::string_view id = rule->meta().id;
  if (find(id) != nullptr) {
    std::string message = fmt::format("rule id '{}' is a built-in rule; choose another", id);
    if (const Declarative* earlier = declarative(id)) {
      message = fmt::format("rule id '{}' is already defined in {}:{}:{}", id, earlier->path(),
                            earlier->id_position().line, earlier->id_position().column);
    }
    return core::Error{rule->path(), rule->id_position(), std::move(message)};
  }
  auto at = std::lower_bound(
      entries_.begin(), entries_.end(), id,
      [](const RuleEntry* entry, std::string_view key) { return entry->meta.id < key; });
  entries_.insert(at, &rule->entry());
  declarative_.push_back(std::move(rule));
  return std::nullopt;
}

std::optional<core::Error> Catalog::add_folder(const fs::path& folder,
                                               const std::string& display_folder) {
  std::vector<fs::path> files;
  std::error_code error;
  fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, error);
  for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    fs::path extension = it->path().extension();
    if ((extension == ".yaml" || extension == ".yml") && it->is_regular_file(error)) {
      files.push_back(it->path());
    }
  }
  if (error) {
    return read_error(display_folder,
                      fmt::format("cannot list the rule folder: {}", error.message()));
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    std::string display =
        (fs::path(display_folder) / file.lexically_relative(folder)).generic_string();
    std::error_code size_error;
    if (fs::file_size(file, size_error) > kMaxFileSize && !size_error) {
      return read_error(display, "the rule file is larger than 1 MiB");
    }
    std::ifstream stream(file, std::ios::binary);
    if (!stream) {
      return read_error(display,
                        fmt::format("cannot read the rule file: {}", std::strerror(errno)));
    }
    std::string text{std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
    auto rule = Declarative::load(display, std::move(text));
    if (!rule) return rule.error();
    if (*rule == nullptr) continue;
    if (auto failure = add(std::move(*rule))) return failure;
  }
  return std::nullopt;
}

core::Expected<std::unique_ptr<Rule>> Catalog::make(const RuleEntry& entry,
                                                    const Options& options) const {
  if (entry.make != nullptr) return entry.make(options);
  for (const auto& rule : declarative_) {
    if (&rule->entry() != &entry) continue;
    if (auto unknown = options.check_known(entry.meta)) return *unknown;
    return rule->make_rule();
  }
  return core::Error{"", std::nullopt,
                     fmt::format("rule {} is not in this catalog", entry.meta.id)};
}

}  // namespace contentlint::rules
