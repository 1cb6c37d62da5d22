/// The pre-pass of `--links external`: collects the http(s) links of the files to check
/// and checks each unique page once over the network, before the rules run.
#pragma once

#include <vector>

#include "config/config.hpp"
#include "engine/discover.hpp"
#include "links/external.hpp"

namespace contentlint::engine {

/// The external results for `files`: empty unless `config.links` is external. Only files
/// whose rules have `link/external` on contribute links; links to `site-url` are left to
/// the offline checks. Shows progress on stderr when it is a terminal.
links::ExternalResults check_external_links(const config::Config& config,
                                            const std::vector<DiscoveredFile>& files);

}  // namespace contentlint::engine
