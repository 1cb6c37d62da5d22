#include <catch2/catch.hpp>

#include <netinet/in.h>

#include <cstring>

#include "links/address.hpp"

using namespace contentlint;
using links::AddressClass;

namespace {

// The class of a host as written in a URL, or nullopt when it is a name.
std::optional<AddressClass> class_of(std::string_view host) {
  auto address = links::parse_ip_literal(host);
  if (!address) return std::nullopt;
  return links::classify(*address);
}

std::string text_of(std::string_view host) {
  auto address = links::parse_ip_literal(host);
  return address ? address->to_string() : "<name>";
}

}  // namespace

TEST_CASE("every numeric spelling of 127.0.0.1 is parsed to it") {
  for (std::string_view spelling :
       {"127.0.0.1", "127.1", "127.0.1", "0x7f.1", "0x7F.0.0.1", "2130706433", "017700000001",
        "0177.0.0.1", "0x7f000001", "127.0.0.1.", "0177.0x0.0.01"}) {
    INFO(spelling);
    CHECK(text_of(spelling) == "127.0.0.1");
    CHECK(class_of(spelling) == AddressClass::loopback);
  }
}

TEST_CASE("IPv6 spellings, bracketed or not, with IPv4 inside") {
  CHECK(text_of("[::1]") == "::1");
  CHECK(class_of("[::1]") == AddressClass::loopback);
  CHECK(class_of("::1") == AddressClass::loopback);
  CHECK(class_of("[0:0:0:0:0:0:0:1]") == AddressClass::loopback);
  CHECK(text_of("[::ffff:127.0.0.1]") == "::ffff:127.0.0.1");
  CHECK(class_of("[::ffff:127.0.0.1]") == AddressClass::loopback);
  CHECK(class_of("[::ffff:7f00:1]") == AddressClass::loopback);
  CHECK(class_of("[::ffff:a9fe:a9fe]") == AddressClass::link_local);  // 169.254.169.254
  CHECK(class_of("[::ffff:10.1.2.3]") == AddressClass::private_);
  CHECK(class_of("[::127.0.0.1]") == AddressClass::loopback);                 // IPv4-compatible
  CHECK(class_of("[64:ff9b::169.254.169.254]") == AddressClass::link_local);  // NAT64
  CHECK(class_of("[2002:a9fe:a9fe::1]") == AddressClass::link_local);         // 6to4
  CHECK(class_of("[fe80::1%25eth0]") == AddressClass::link_local);            // zone id
  CHECK(class_of("[::ffff:8.8.8.8]") == AddressClass::global);
}

TEST_CASE("IPv4 ranges") {
  CHECK(class_of("169.254.169.254") == AddressClass::link_local);
  CHECK(class_of("169.254.0.1") == AddressClass::link_local);
  CHECK(class_of("10.0.0.1") == AddressClass::private_);
  CHECK(class_of("172.16.0.1") == AddressClass::private_);
  CHECK(class_of("172.31.255.255") == AddressClass::private_);
  CHECK(class_of("172.32.0.1") == AddressClass::global);
  CHECK(class_of("192.168.1.1") == AddressClass::private_);
  CHECK(class_of("100.64.0.1") == AddressClass::shared);
  CHECK(class_of("100.127.255.255") == AddressClass::shared);
  CHECK(class_of("100.128.0.1") == AddressClass::global);
  CHECK(class_of("224.0.0.1") == AddressClass::multicast);
  CHECK(class_of("239.255.255.250") == AddressClass::multicast);
  CHECK(class_of("0.0.0.0") == AddressClass::unspecified);
  CHECK(class_of("0") == AddressClass::unspecified);
  CHECK(class_of("0.1.2.3") == AddressClass::unspecified);
  CHECK(class_of("255.255.255.255") == AddressClass::broadcast);
  CHECK(class_of("240.0.0.1") == AddressClass::reserved);
  CHECK(class_of("192.0.2.1") == AddressClass::reserved);
  CHECK(class_of("198.18.0.1") == AddressClass::reserved);
  CHECK(class_of("203.0.113.9") == AddressClass::reserved);
  CHECK(class_of("8.8.8.8") == AddressClass::global);
  CHECK(class_of("93.184.216.34") == AddressClass::global);
}

TEST_CASE("IPv6 ranges") {
  CHECK(class_of("[::]") == AddressClass::unspecified);
  CHECK(class_of("[fc00::1]") == AddressClass::private_);
  CHECK(class_of("[fd12:3456::1]") == AddressClass::private_);
  CHECK(class_of("[fe80::1]") == AddressClass::link_local);
  CHECK(class_of("[febf::1]") == AddressClass::link_local);
  CHECK(class_of("[ff02::1]") == AddressClass::multicast);
  CHECK(class_of("[2001:db8::1]") == AddressClass::reserved);
  CHECK(class_of("[2606:4700::1111]") == AddressClass::global);
  CHECK(class_of("[2a00:1450:4001::200e]") == AddressClass::global);
}

TEST_CASE("names and malformed numbers are not addresses") {
  CHECK(class_of("localhost") == std::nullopt);
  CHECK(class_of("example.org") == std::nullopt);
  CHECK(class_of("1.2.3.4.5") == std::nullopt);
  CHECK(class_of("256.0.0.1") == std::nullopt);
  CHECK(class_of("1.2.3.256") == std::nullopt);
  CHECK(class_of("4294967296") == std::nullopt);  // 2^32
  CHECK(class_of("08.0.0.1") == std::nullopt);    // 8 is no octal digit
  CHECK(class_of("1..2") == std::nullopt);
  CHECK(class_of("[::1") == std::nullopt);
  CHECK(class_of("[1::2::3]") == std::nullopt);
  CHECK(class_of("") == std::nullopt);
}

TEST_CASE("socket addresses give their address and port") {
  sockaddr_in v4{};
  v4.sin_family = AF_INET;
  v4.sin_port = htons(8080);
  v4.sin_addr.s_addr = htonl(0xA9FEA9FE);
  auto parsed = links::from_sockaddr(reinterpret_cast<const sockaddr*>(&v4));
  REQUIRE(parsed);
  CHECK(parsed->address.to_string() == "169.254.169.254");
  CHECK(parsed->port == 8080);
  sockaddr_in6 v6{};
  v6.sin6_family = AF_INET6;
  v6.sin6_port = htons(443);
  v6.sin6_addr = in6addr_loopback;
  parsed = links::from_sockaddr(reinterpret_cast<const sockaddr*>(&v6));
  REQUIRE(parsed);
  CHECK(parsed->address.to_string() == "::1");
  CHECK(parsed->port == 443);
}

TEST_CASE("the default policy allows only global addresses") {
  links::AddressPolicy policy;
  CHECK(policy.allows(*links::parse_ip_literal("8.8.8.8"), 443));
  CHECK_FALSE(policy.allows(*links::parse_ip_literal("127.0.0.1"), 80));
  CHECK_FALSE(policy.allows(*links::parse_ip_literal("[::ffff:169.254.169.254]"), 80));
  policy.allow_all = true;
  CHECK(policy.allows(*links::parse_ip_literal("127.0.0.1"), 80));
}

TEST_CASE("allow-private entries: an address, a network, a port") {
  auto one = links::parse_allowed_network("127.0.0.1:8080");
  REQUIRE(one);
  CHECK(one->prefix == 32);
  CHECK(one->port == 8080);
  links::AddressPolicy policy;
  policy.allowed = {*one, *links::parse_allowed_network("10.0.0.0/8"),
                    *links::parse_allowed_network("[::1]:3000"),
                    *links::parse_allowed_network("fd00::/8")};
  auto address = [](std::string_view text) { return *links::parse_ip_literal(text); };
  CHECK(policy.allows(address("127.0.0.1"), 8080));
  CHECK_FALSE(policy.allows(address("127.0.0.1"), 8081));  // another port
  CHECK_FALSE(policy.allows(address("127.0.0.2"), 8080));
  CHECK(policy.allows(address("[::ffff:127.0.0.1]"), 8080));  // the same host, mapped
  CHECK(policy.allows(address("10.200.3.4"), 22));
  CHECK(policy.allows(address("11.0.0.1"), 22));  // global anyway
  CHECK(policy.allows(address("[::1]"), 3000));
  CHECK_FALSE(policy.allows(address("[::1]"), 3001));
  CHECK(policy.allows(address("[fd12::1]"), 1));
  CHECK_FALSE(policy.allows(address("169.254.169.254"), 80));

  for (std::string_view bad : {"", "localhost", "127.1", "10.0.0.0/33", "10.0.0.0/", "1.2.3.4:0",
                               "1.2.3.4:65536", "[::1]x", "[::1", "::1/129", "1.2.3.4:x"}) {
    INFO(bad);
    CHECK_FALSE(links::parse_allowed_network(bad));
  }
}
