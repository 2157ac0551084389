/* The TOS symbols of RFC 1349 as iptables' --tos and --set-tos read and
 * print them (value with mask 0x3f). */
#ifndef XTNFT_EXT_TOS_NAMES_H
#define XTNFT_EXT_TOS_NAMES_H

#include <stdbool.h>
#include <stdint.h>

struct xtn_strbuf;

/* "VALUE[/MASK]" (mask default `def_mask`) or a symbol (mask 0x3f). */
bool xtn_tos_parse(const char *s, uint8_t def_mask, uint8_t *value,
		   uint8_t *mask);
/* The symbol for value/mask, or NULL. */
const char *xtn_tos_name(uint8_t value, uint8_t mask);
/* The "Accepted symbolic names" lines of the help texts. */
void xtn_tos_help(struct xtn_strbuf *out);

#endif
