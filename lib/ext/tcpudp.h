/* Port handling shared by the tcp and udp matches. */
#ifndef XTNFT_EXT_TCPUDP_H
#define XTNFT_EXT_TCPUDP_H

#include <stdbool.h>
#include <stdint.h>

struct xtn_parse;
struct xtn_enc;
struct xtn_rel;
struct xtn_out;

/* "port", "lo:hi", ":hi", "lo:" with service names for proto. */
/* One port or service name of proto, or 1.8.9's "invalid port/service"
 * failure. */
int xtn_tcpudp_parse_port(struct xtn_parse *p, const char *s, const char *proto,
			  uint16_t *out);
int xtn_tcpudp_parse_ports(struct xtn_parse *p, const char *arg,
			   const char *proto, uint16_t ports[2]);
/* -m udp's ports, read by libxtables' option engine in 1.8.9 (not by
 * tcp's parser): a service of any protocol, getaddrinfo's idea of a number,
 * "lo:hi" kept as given even when lo > hi, and that engine's messages.
 * optname is the option's long name. */
int xtn_udp_parse_ports(struct xtn_parse *p, const char *arg,
			const char *optname, uint16_t ports[2]);
/* Native encoding: iptables-nft's add_nft_tcpudp(), with upstream's fix
 * of never merging inverted source and destination ports. */
void xtn_tcpudp_encode(struct xtn_enc *e, const uint16_t spts[2], bool inv_s,
		       const uint16_t dpts[2], bool inv_d);
/* Which ports a relation compares (for xtn_dec_claim); 0: none of ours. */
#define XTN_TCPUDP_SPORT 1u
#define XTN_TCPUDP_DPORT 2u
uint32_t xtn_tcpudp_fields(const struct xtn_rel *rel);
/* Decode a port relation into the ports; sets the inversion bits. */
int xtn_tcpudp_decode(const struct xtn_rel *rel, uint16_t spts[2],
		      uint16_t dpts[2], uint8_t *invflags, uint8_t inv_s,
		      uint8_t inv_d);
bool xtn_tcpudp_all_ports(const uint16_t ports[2]);
void xtn_tcpudp_list_ports(const struct xtn_out *o, const char *name,
			   const uint16_t ports[2], bool inv,
			   const char *proto);
void xtn_tcpudp_save_ports(const struct xtn_out *o, const char *opt,
			   const uint16_t ports[2], bool inv);

#endif
