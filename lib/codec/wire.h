/* Netlink attribute writers over a growing buffer (the encoder's). */
#ifndef XTN_CODEC_WIRE_H
#define XTN_CODEC_WIRE_H

#include <stddef.h>
#include <stdint.h>
#include <xtnft/util.h>

/* Each returns where the attribute's payload starts, where useful. */
size_t xw_put(struct xtn_strbuf *b, uint16_t type, const void *data,
	      size_t len);
/* len bytes of data, zero-extended to size */
size_t xw_put_padded(struct xtn_strbuf *b, uint16_t type, const void *data,
		     size_t len, size_t size);
size_t xw_u32(struct xtn_strbuf *b, uint16_t type, uint32_t host);
void xw_u64(struct xtn_strbuf *b, uint16_t type, uint64_t host);
void xw_u16(struct xtn_strbuf *b, uint16_t type, uint16_t host);
void xw_str(struct xtn_strbuf *b, uint16_t type, const char *s);
size_t xw_nest_start(struct xtn_strbuf *b, uint16_t type);
void xw_nest_end(struct xtn_strbuf *b, size_t at);
/* data as libnftnl nests it: type { NFTA_DATA_VALUE data } */
void xw_value(struct xtn_strbuf *b, uint16_t type, const void *data,
	      size_t len);

#endif
