/// The built-in rules, one function per rule file; registry.cpp lists them in order.
#pragma once

#include "rules/rule.hpp"

namespace contentlint::rules {

RuleEntry code_fence_language();
RuleEntry frontmatter_duplicate_key();
RuleEntry frontmatter_missing();
RuleEntry frontmatter_schema();
RuleEntry frontmatter_syntax();
RuleEntry frontmatter_unclosed();
RuleEntry heading_empty();
RuleEntry heading_increment();
RuleEntry heading_title_h1();
RuleEntry image_alt_text();
RuleEntry image_empty_url();
RuleEntry image_not_found();
RuleEntry link_anchor();
RuleEntry link_empty();
RuleEntry link_external();
RuleEntry link_malformed();
RuleEntry link_not_found();
RuleEntry markdown_too_complex();
RuleEntry suppression_unknown_rule();
RuleEntry suppression_unused();
RuleEntry tag_duplicate();
RuleEntry tag_format();
RuleEntry tag_required();
RuleEntry tag_unknown();
RuleEntry text_bidi_control();
RuleEntry text_encoding();
RuleEntry text_final_newline();
RuleEntry text_trailing_space();

}  // namespace contentlint::rules
