/// The built-in rules, one function per rule file; registry.cpp lists them in order.
#pragma once

#include "rules/rule.hpp"

namespace contentlint::rules {

RuleEntry frontmatter_duplicate_key();
RuleEntry frontmatter_missing();
RuleEntry frontmatter_schema();
RuleEntry frontmatter_syntax();
RuleEntry frontmatter_unclosed();
RuleEntry image_empty_url();
RuleEntry text_encoding();

}  // namespace contentlint::rules
