#include "links/anchors.hpp"

#include <algorithm>
#include <cstddef>
#include <functional>

#include "links/similar.hpp"
#include "markdown/slug.hpp"

namespace contentlint::links {
std::uint32_t anchor_hash(std::string_view anchor) {
  const std::uint64_t hash = std::hash<std::string_view>{}(anchor);
  return static_cast<std::uint32_t>(hash ^ (hash >> 32));
}

FragmentKey::FragmentKey(std::string_view fragment)
    : hash(anchor_hash(fragment)), prefixed(fragment.starts_with(kGitHubPrefix)) {
  if (prefixed) unprefixed = anchor_hash(fragment.substr(kGitHubPrefix.size()));
}

Anchors Anchors::of(const markdown::Body& body) {
  Anchors anchors;
  for (const markdown::Heading& heading : body.headings) {
    if (heading.custom_id) anchors.add(*heading.custom_id);
    anchors.add(heading.anchor);
  }
  for (const markdown::HtmlAnchor& html : body.html_anchors) anchors.add(html.id);
  return anchors;
}

void Anchors::add(std::string anchor) {
  if (anchor.empty() || set_.contains(anchor)) return;
  set_.insert(anchor);
  ordered_.push_back(std::move(anchor));
}

bool Anchors::contains(std::string_view fragment) const {
  if (fragment.starts_with(kGitHubPrefix) &&
      set_.contains(std::string(fragment.substr(kGitHubPrefix.size())))) {
    return true;
  }
  return set_.contains(std::string(fragment));
}

std::vector<std::uint32_t> anchor_digest(const Anchors& anchors) {
  std::vector<std::uint32_t> hashes;
  hashes.reserve(anchors.all().size());
  for (const std::string& anchor : anchors.all()) hashes.push_back(anchor_hash(anchor));
  std::sort(hashes.begin(), hashes.end());
  return hashes;
}

std::optional<std::string> Anchors::nearest(std::string_view fragment) const {
  if (fragment.starts_with(kGitHubPrefix)) fragment.remove_prefix(kGitHubPrefix.size());
  // `#Intro Section` written for the heading "Intro section": its slug is the anchor.
  std::string slug = markdown::github_slug(fragment);
  if (!slug.empty() && set_.contains(slug)) return slug;
  for (const std::string& anchor : ordered_) {
    if (detail::equal_ignoring_case(anchor, fragment)) return anchor;
  }
  std::string typed = slug.empty() ? detail::ascii_lower(fragment) : slug;
  const std::string* best = nullptr;
  std::size_t best_distance = 0;
  for (const std::string& anchor : ordered_) {
    auto distance = detail::plausible_distance(typed, detail::ascii_lower(anchor));
    if (distance && (best == nullptr || *distance < best_distance)) {
      best = &anchor;
      best_distance = *distance;
    }
  }
  if (best == nullptr) return std::nullopt;
  return *best;
}

}  // namespace contentlint::links
