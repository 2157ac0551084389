/* The option list of -m hbh and -m dst (struct ip6t_opts). */
#ifndef XTNFT_EXT_IP6OPTS_H
#define XTNFT_EXT_IP6OPTS_H

struct xtn_parse;
struct xtn_out;
struct ip6t_opts;

/* "TYPE[:LEN],..." into o->opts/optsnr, in 1.8.9's words for `ext`
 * ("hbh", "dst"); pad0 is its message for "0:LEN". */
int xtn_ip6opts_parse(struct xtn_parse *p, struct ip6t_opts *o,
		      const char *ext, const char *pad0);
/* " 1:2,3": the list as both -L and -S print it. */
void xtn_ip6opts_put(const struct xtn_out *o, const struct ip6t_opts *opts);
/* -L: " NAME length:[!]N opts LIST"; -S: " [!] --NAME-len N --NAME-opts LIST" */
void xtn_ip6opts_list(const struct xtn_out *o, const struct ip6t_opts *opts,
		      const char *ext);
void xtn_ip6opts_save(const struct xtn_out *o, const struct ip6t_opts *opts,
		      const char *ext);

#endif
