#include "links/site.hpp"

namespace contentlint::links {

Site::Site(SiteOptions options) : options_(std::move(options)) {}

}  // namespace contentlint::links
