#include "core/value.hpp"

#include <catch2/catch.hpp>
#include <limits>

using namespace contentlint::core;

namespace {
Node scalar(std::string text, ScalarStyle style = ScalarStyle::plain) {
  Node node;
  node.kind = NodeKind::scalar;
  node.style = style;
  node.text = std::move(text);
  return node;
}
}  // namespace

TEST_CASE("scalars resolve by the YAML 1.2 core schema") {
  CHECK(scalar("3").scalar_type() == ScalarType::integer);
  CHECK(scalar("3", ScalarStyle::quoted).scalar_type() == ScalarType::string);
  CHECK(scalar("-0x1F").scalar_type() == ScalarType::string);  // sign only on decimal
  CHECK(scalar("0x1F").as_integer() == 31);
  CHECK(scalar("0o17").as_integer() == 15);
  CHECK(scalar("1.5e3").as_number() == 1500.0);
  CHECK(scalar(".5").scalar_type() == ScalarType::number);
  CHECK(scalar("-.inf").scalar_type() == ScalarType::number);
  CHECK(scalar("true").as_bool() == true);
  CHECK(scalar("yes").scalar_type() == ScalarType::string);  // YAML 1.1 only
  CHECK(scalar("~").scalar_type() == ScalarType::null);
  CHECK(scalar("2024-03-11").scalar_type() == ScalarType::string);
  Node tagged = scalar("3");
  tagged.tag = "!!str";
  CHECK(tagged.scalar_type() == ScalarType::string);
}

TEST_CASE("floats read in full, correctly rounded, and too large ones as infinity") {
  CHECK(scalar(".5").as_number() == 0.5);
  CHECK(scalar("-.25").as_number() == -0.25);
  CHECK(scalar("+12.").as_number() == 12.0);
  CHECK(scalar("0.1").as_number() == 0.1);
  CHECK(scalar("2.5E-3").as_number() == 0.0025);
  CHECK(scalar("1e400").as_number() == std::numeric_limits<double>::infinity());
  CHECK(scalar("-1e400").as_number() == -std::numeric_limits<double>::infinity());
  CHECK(scalar("1e-400").as_number() == 0.0);
  CHECK(!scalar("1e").as_number());
  CHECK(!scalar("0x1p3").as_number());  // strtod would read a hex float; YAML does not
}

TEST_CASE("find follows dotted paths and takes the last duplicate") {
  Node root;
  root.kind = NodeKind::mapping;
  Node image;
  image.kind = NodeKind::mapping;
  image.entries.push_back({scalar("url"), scalar("a.png")});
  root.entries.push_back({scalar("image"), image});
  root.entries.push_back({scalar("title"), scalar("one")});
  root.entries.push_back({scalar("title"), scalar("two")});
  REQUIRE(root.find_path("image.url") != nullptr);
  CHECK(root.find_path("image.url")->text == "a.png");
  CHECK(root.find("title")->text == "two");
  CHECK(root.find_path("image.alt") == nullptr);
}
