#include "links/address.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <charconv>
#include <cstring>

namespace contentlint::links {
namespace {

// One part of a numeric IPv4 host, as inet_aton and the WHATWG URL parser read it:
// `0x` hex, a leading `0` octal, else decimal.
std::optional<std::uint64_t> parse_ipv4_part(std::string_view part) {
  if (part.empty()) return std::nullopt;
  int base = 10;
  if (part.size() >= 2 && part[0] == '0' && (part[1] == 'x' || part[1] == 'X')) {
    base = 16;
    part.remove_prefix(2);
    if (part.empty()) return 0;  // "0x" alone is zero
  } else if (part.size() >= 2 && part[0] == '0') {
    base = 8;
    part.remove_prefix(1);
  }
  // Long runs of digits would overflow; no valid part needs more than 32 bits anyway.
  if (part.size() > 32) return std::nullopt;
  std::uint64_t value = 0;
  auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), value, base);
  if (error != std::errc() || end != part.data() + part.size()) return std::nullopt;
  return value;
}

std::optional<IpAddress> parse_ipv4(std::string_view host) {
  if (!host.empty() && host.back() == '.') host.remove_suffix(1);  // "127.0.0.1." is a FQDN
  std::vector<std::uint64_t> parts;
  while (true) {
    std::size_t dot = host.find('.');
    auto part = parse_ipv4_part(host.substr(0, dot));
    if (!part) return std::nullopt;
    parts.push_back(*part);
    if (parts.size() > 4) return std::nullopt;
    if (dot == std::string_view::npos) break;
    host.remove_prefix(dot + 1);
  }
  // Every part but the last is one byte; the last fills the bytes that remain.
  std::uint64_t value = 0;
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    if (parts[i] > 255) return std::nullopt;
    value |= parts[i] << (8 * (3 - i));
  }
  std::size_t last_bits = 8 * (5 - parts.size());
  if (parts.back() >= (std::uint64_t{1} << last_bits)) return std::nullopt;
  value |= parts.back();
  IpAddress address;
  for (int i = 0; i < 4; ++i) address.bytes[i] = static_cast<std::uint8_t>(value >> (8 * (3 - i)));
  return address;
}

std::optional<IpAddress> parse_ipv6(std::string_view host) {
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  // A zone id (fe80::1%eth0) names an interface; the address is what is classified.
  host = host.substr(0, host.find('%'));
  if (host.empty() || host.size() > 45 || host.find(':') == std::string_view::npos) {
    return std::nullopt;
  }
  std::string text(host);
  in6_addr parsed{};
  if (inet_pton(AF_INET6, text.c_str(), &parsed) != 1) return std::nullopt;
  IpAddress address;
  address.v6 = true;
  std::memcpy(address.bytes.data(), &parsed, 16);
  return address;
}

bool in_v4(const IpAddress& a, std::uint8_t b0, std::uint8_t b1, std::uint8_t b2, std::uint8_t b3,
           int prefix) {
  std::uint32_t value = (std::uint32_t{a.bytes[0]} << 24) | (std::uint32_t{a.bytes[1]} << 16) |
                        (std::uint32_t{a.bytes[2]} << 8) | a.bytes[3];
  std::uint32_t base =
      (std::uint32_t{b0} << 24) | (std::uint32_t{b1} << 16) | (std::uint32_t{b2} << 8) | b3;
  std::uint32_t mask = prefix == 0 ? 0 : ~std::uint32_t{0} << (32 - prefix);
  return (value & mask) == (base & mask);
}

AddressClass classify_v4(const IpAddress& a) {
  if (in_v4(a, 255, 255, 255, 255, 32)) return AddressClass::broadcast;
  if (in_v4(a, 0, 0, 0, 0, 8)) return AddressClass::unspecified;
  if (in_v4(a, 127, 0, 0, 0, 8)) return AddressClass::loopback;
  if (in_v4(a, 10, 0, 0, 0, 8) || in_v4(a, 172, 16, 0, 0, 12) || in_v4(a, 192, 168, 0, 0, 16)) {
    return AddressClass::private_;
  }
  if (in_v4(a, 169, 254, 0, 0, 16)) return AddressClass::link_local;
  if (in_v4(a, 100, 64, 0, 0, 10)) return AddressClass::shared;
  if (in_v4(a, 224, 0, 0, 0, 4)) return AddressClass::multicast;
  if (in_v4(a, 240, 0, 0, 0, 4) || in_v4(a, 192, 0, 0, 0, 24) || in_v4(a, 192, 0, 2, 0, 24) ||
      in_v4(a, 198, 18, 0, 0, 15) || in_v4(a, 198, 51, 100, 0, 24) ||
      in_v4(a, 203, 0, 113, 0, 24) || in_v4(a, 192, 88, 99, 0, 24)) {
    return AddressClass::reserved;
  }
  return AddressClass::global;
}

bool starts_with_bytes(const IpAddress& a, std::initializer_list<std::uint8_t> prefix) {
  std::size_t i = 0;
  for (std::uint8_t byte : prefix) {
    if (a.bytes[i++] != byte) return false;
  }
  return true;
}

// The IPv4 address an IPv6 address stands for, where it embeds one that a host or a
// gateway would actually reach.
std::optional<IpAddress> embedded_v4(const IpAddress& a) {
  IpAddress v4;
  auto take = [&](std::size_t from) {
    std::memcpy(v4.bytes.data(), a.bytes.data() + from, 4);
    return v4;
  };
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible, deprecated; not :: and ::1)
  if (starts_with_bytes(a, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff})) return take(12);
  if (starts_with_bytes(a, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}) &&
      (a.bytes[12] | a.bytes[13] | a.bytes[14]) != 0) {
    return take(12);
  }
  // NAT64's well-known prefix 64:ff9b::/96, and 6to4 2002:a.b.c.d::/48.
  if (starts_with_bytes(a, {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0})) return take(12);
  if (starts_with_bytes(a, {0x20, 0x02})) return take(2);
  return std::nullopt;
}

AddressClass classify_v6(const IpAddress& a) {
  if (auto v4 = embedded_v4(a)) return classify_v4(*v4);
  static constexpr std::array<std::uint8_t, 16> kZero{};
  if (a.bytes == kZero) return AddressClass::unspecified;
  std::array<std::uint8_t, 16> one{};
  one[15] = 1;
  if (a.bytes == one) return AddressClass::loopback;
  if ((a.bytes[0] & 0xfe) == 0xfc) return AddressClass::private_;  // fc00::/7
  if (a.bytes[0] == 0xfe && (a.bytes[1] & 0xc0) == 0x80)
    return AddressClass::link_local;  // fe80::/10
  if (a.bytes[0] == 0xfe && (a.bytes[1] & 0xc0) == 0xc0)
    return AddressClass::private_;  // fec0::/10 (site-local)
  if (a.bytes[0] == 0xff) return AddressClass::multicast;
  // 2001:db8::/32 documentation, 100::/64 discard, 2001::/23 IETF protocol assignments
  // (Teredo and friends), ::/8 other than the cases above.
  if (starts_with_bytes(a, {0x20, 0x01, 0x0d, 0xb8}) ||
      starts_with_bytes(a, {0x01, 0x00, 0, 0, 0, 0, 0, 0}) ||
      (a.bytes[0] == 0x20 && a.bytes[1] == 0x01 && a.bytes[2] < 0x02) || a.bytes[0] == 0) {
    return AddressClass::reserved;
  }
  return AddressClass::global;
}

bool prefix_matches(const IpAddress& a, const IpAddress& base, int prefix) {
  for (int bit = 0; bit < prefix; ++bit) {
    int byte = bit / 8;
    int mask = 0x80 >> (bit % 8);
    if ((a.bytes[byte] & mask) != (base.bytes[byte] & mask)) return false;
  }
  return true;
}

// IPv4-mapped IPv6 is the same host as the IPv4 address: allowing one allows the other.
IpAddress unmapped(const IpAddress& a) {
  if (a.v6 && starts_with_bytes(a, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff})) {
    IpAddress v4;
    std::memcpy(v4.bytes.data(), a.bytes.data() + 12, 4);
    return v4;
  }
  return a;
}

}  // namespace

std::string IpAddress::to_string() const {
  char buffer[INET6_ADDRSTRLEN] = {};
  inet_ntop(v6 ? AF_INET6 : AF_INET, bytes.data(), buffer, sizeof buffer);
  return buffer;
}

std::string_view describe(AddressClass address_class) {
  switch (address_class) {
    case AddressClass::global:
      return "a public address";
    case AddressClass::loopback:
      return "a loopback address";
    case AddressClass::private_:
      return "a private address";
    case AddressClass::link_local:
      return "a link-local address";
    case AddressClass::shared:
      return "a carrier-grade NAT address";
    case AddressClass::multicast:
      return "a multicast address";
    case AddressClass::unspecified:
      return "an unspecified address";
    case AddressClass::broadcast:
      return "the broadcast address";
    case AddressClass::reserved:
      return "a reserved address";
  }
  return "a reserved address";
}

std::optional<IpAddress> parse_ip_literal(std::string_view host) {
  if (host.empty()) return std::nullopt;
  if (host.front() == '[' || host.find(':') != std::string_view::npos) return parse_ipv6(host);
  return parse_ipv4(host);
}

AddressClass classify(const IpAddress& address) {
  return address.v6 ? classify_v6(address) : classify_v4(address);
}

std::optional<SocketAddress> from_sockaddr(const sockaddr* address) {
  if (address == nullptr) return std::nullopt;
  SocketAddress result;
  if (address->sa_family == AF_INET) {
    sockaddr_in v4;
    std::memcpy(&v4, address, sizeof v4);
    std::memcpy(result.address.bytes.data(), &v4.sin_addr, 4);
    result.port = ntohs(v4.sin_port);
    return result;
  }
  if (address->sa_family == AF_INET6) {
    sockaddr_in6 v6;
    std::memcpy(&v6, address, sizeof v6);
    result.address.v6 = true;
    std::memcpy(result.address.bytes.data(), &v6.sin6_addr, 16);
    result.port = ntohs(v6.sin6_port);
    return result;
  }
  return std::nullopt;
}

bool AllowedNetwork::contains(const IpAddress& address, std::uint16_t on_port) const {
  if (port && *port != on_port) return false;
  IpAddress candidate = unmapped(address);
  if (candidate.v6 != base.v6) return false;
  return prefix_matches(candidate, base, prefix);
}

std::optional<AllowedNetwork> parse_allowed_network(std::string_view text) {
  AllowedNetwork network;
  std::string_view address = text;
  // The port: after "]" for IPv6 ("[::1]:8080"), after the only ':' for IPv4.
  std::size_t port_colon = std::string_view::npos;
  if (text.starts_with('[')) {
    std::size_t close = text.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    address = text.substr(1, close - 1);
    if (close + 1 < text.size()) {
      if (text[close + 1] != ':') return std::nullopt;
      port_colon = close + 1;
    }
  } else if (text.find(':') == text.rfind(':') && text.find(':') != std::string_view::npos) {
    port_colon = text.find(':');
    address = text.substr(0, port_colon);
  }
  if (port_colon != std::string_view::npos) {
    std::string_view digits = text.substr(port_colon + 1);
    unsigned value = 0;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || error != std::errc() || end != digits.data() + digits.size() ||
        value == 0 || value > 65535) {
      return std::nullopt;
    }
    network.port = static_cast<std::uint16_t>(value);
  }
  std::size_t slash = address.find('/');
  std::string_view host = address.substr(0, slash);
  // Only the canonical dotted quad here: a config is no place for `0x7f.1`.
  auto parsed = host.find(':') != std::string_view::npos ? parse_ipv6(host) : parse_ipv4(host);
  if (!parsed || (!parsed->v6 && std::count(host.begin(), host.end(), '.') != 3)) {
    return std::nullopt;
  }
  network.base = unmapped(*parsed);
  int max_prefix = network.base.v6 ? 128 : 32;
  network.prefix = max_prefix;
  if (slash != std::string_view::npos) {
    std::string_view digits = address.substr(slash + 1);
    int value = -1;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || error != std::errc() || end != digits.data() + digits.size() ||
        value < 0 || value > max_prefix) {
      return std::nullopt;
    }
    network.prefix = value;
  }
  return network;
}

bool AddressPolicy::allows(const IpAddress& address, std::uint16_t port) const {
  if (allow_all || classify(address) == AddressClass::global) return true;
  for (const AllowedNetwork& network : allowed) {
    if (network.contains(address, port)) return true;
  }
  return false;
}

}  // namespace contentlint::links
