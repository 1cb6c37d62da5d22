#include "links/resolution_log.hpp"

namespace contentlint::links {
namespace {

thread_local ResolutionLog* open_log = nullptr;

}  // namespace

ResolutionLog::Scope::Scope(ResolutionLog& log) { open_log = &log; }

ResolutionLog::Scope::~Scope() { open_log = nullptr; }

ResolutionLog* ResolutionLog::current() { return open_log; }

}  // namespace contentlint::links
