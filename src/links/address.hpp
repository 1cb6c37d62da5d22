/// IP addresses for the external link checker: parsing every numeric spelling a URL host
/// may use, and classifying addresses so private networks are never probed by default.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sockaddr;

namespace contentlint::links {

/// An IPv4 or IPv6 address. IPv4 is kept as four bytes, not as IPv4-mapped IPv6, so
/// that printing it gives back the dotted form.
struct IpAddress {
  bool v6 = false;
  std::array<std::uint8_t, 16> bytes{};  // IPv4: the first four

  /// "127.0.0.1" or "::1" (RFC 5952 form, via inet_ntop).
  std::string to_string() const;
  friend bool operator==(const IpAddress&, const IpAddress&) = default;
};

/// What kind of network an address belongs to; everything but `global` is refused by
/// default, because links come from untrusted pull requests and the checker must not be
/// usable to probe the machine it runs on or its network.
enum class AddressClass {
  global,
  loopback,     // 127.0.0.0/8, ::1
  private_,     // 10/8, 172.16/12, 192.168/16, fc00::/7
  link_local,   // 169.254/16 (cloud metadata lives here), fe80::/10
  shared,       // 100.64/10, carrier-grade NAT
  multicast,    // 224/4, ff00::/8
  unspecified,  // 0.0.0.0/8, ::
  broadcast,    // 255.255.255.255
  reserved,     // 240/4, 192.0.0/24, 198.18/15, documentation ranges, 2001:db8::/32, ...
};

/// "a private address", "a loopback address", ... for messages.
std::string_view describe(AddressClass address_class);

/// Parses a URL host that is an IP address in any spelling a resolver accepts: IPv4 in
/// one to four parts, each decimal, octal (leading 0) or hex (0x) — `127.1`, `0x7f.1`,
/// `2130706433`, `017700000001` — and IPv6 with or without brackets, including
/// IPv4-mapped forms. nullopt when `host` is a name, not an address.
std::optional<IpAddress> parse_ip_literal(std::string_view host);

/// The class of `address`. An IPv4 address embedded in IPv6 (IPv4-mapped ::ffff:0:0/96,
/// IPv4-compatible ::/96, NAT64 64:ff9b::/96, 6to4 2002::/16) is classified by the IPv4
/// address it reaches.
AddressClass classify(const IpAddress& address);

/// The address of a socket address (AF_INET or AF_INET6), with its port; nullopt for
/// other families.
struct SocketAddress {
  IpAddress address;
  std::uint16_t port = 0;
};
std::optional<SocketAddress> from_sockaddr(const sockaddr* address);

/// A network that the config allows although it is not global: an address or CIDR block,
/// optionally limited to one port (`127.0.0.1:8080`, `10.0.0.0/8`, `[::1]:3000`).
struct AllowedNetwork {
  IpAddress base;
  int prefix = 32;  // bits of `base` that must match
  std::optional<std::uint16_t> port;

  bool contains(const IpAddress& address, std::uint16_t on_port) const;
};

/// Parses one `allow-private` entry; nullopt when it is not of the forms above.
std::optional<AllowedNetwork> parse_allowed_network(std::string_view text);

/// Which non-global addresses may be connected to: none (the default), all, or a list.
struct AddressPolicy {
  bool allow_all = false;
  std::vector<AllowedNetwork> allowed;

  /// Whether a connection to `address` on `port` is allowed.
  bool allows(const IpAddress& address, std::uint16_t port) const;
};

}  // namespace contentlint::links
