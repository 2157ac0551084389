/*
 * The usage text of 1.8.9's do_parse() tools (print_usage), byte for byte:
 * the pieces iptables and arptables share, and iptables' whole text.
 */
#include <xtnft/util.h>
#include "iptables_int.h"
#include "xshared.h"

void xs_usage_commands(struct xtn_strbuf *sb, const char *name)
{
	xtn_strbuf_printf(sb,
"%s v%s (nf_tables)\n\n"
"Usage: %s -[ACD] chain rule-specification [options]\n"
"       %s -I chain [rulenum] rule-specification [options]\n"
"       %s -R chain rulenum rule-specification [options]\n"
"       %s -D chain rulenum [options]\n"
"       %s -[LS] [chain [rulenum]] [options]\n"
"       %s -[FZ] [chain] [options]\n"
"       %s -[NX] chain\n"
"       %s -E old-chain-name new-chain-name\n"
"       %s -P chain target [options]\n"
"       %s -h (print this help information)\n\n",
		name, XTN_COMPAT_VERSION, name, name, name, name, name, name,
		name, name, name, name);
	xtn_strbuf_puts(sb,
"Commands:\n"
"Either long or short options are allowed.\n"
"  --append  -A chain		Append to chain\n"
"  --check   -C chain		Check for the existence of a rule\n"
"  --delete  -D chain		Delete matching rule from chain\n"
"  --delete  -D chain rulenum\n"
"				Delete rule rulenum (1 = first) from chain\n"
"  --insert  -I chain [rulenum]\n"
"				Insert in chain as rulenum (default 1=first)\n"
"  --replace -R chain rulenum\n"
"				Replace rule rulenum (1 = first) in chain\n"
"  --list    -L [chain [rulenum]]\n"
"				List the rules in a chain or all chains\n"
"  --list-rules -S [chain [rulenum]]\n"
"				Print the rules in a chain or all chains\n"
"  --flush   -F [chain]		Delete all rules in  chain or all chains\n"
"  --zero    -Z [chain [rulenum]]\n"
"				Zero counters in chain or all chains\n"
"  --new     -N chain		Create a new user-defined chain\n"
"  --delete-chain\n"
"            -X [chain]		Delete a user-defined chain\n"
"  --policy  -P chain target\n"
"				Change policy on chain to target\n"
"  --rename-chain\n"
"            -E old-chain new-chain\n"
"				Change chain name, (moving any references)\n"
"\n"
"Options:\n");
}

void xs_usage_iface_jump(struct xtn_strbuf *sb)
{
	xtn_strbuf_puts(sb,
"[!] --in-interface -i input name[+]\n"
"				network interface name ([+] for wildcard)\n"
" --jump	-j target\n"
"				target for rule (may load target extension)\n");
}

void xs_usage_options(struct xtn_strbuf *sb)
{
	xtn_strbuf_puts(sb,
"  --match	-m match\n"
"				extended match (may load extension)\n"
"  --numeric	-n		numeric output of addresses and ports\n"
"[!] --out-interface -o output name[+]\n"
"				network interface name ([+] for wildcard)\n"
"  --table	-t table	table to manipulate (default: `filter')\n"
"  --verbose	-v		verbose mode\n"
"  --wait	-w [seconds]	maximum wait to acquire xtables lock before give up\n"
"  --line-numbers		print line numbers when listing\n"
"  --exact	-x		expand numbers (display exact values)\n");
}

void xs_usage_tail(struct xtn_strbuf *sb)
{
	xtn_strbuf_puts(sb,
"  --modprobe=<command>		try to insert modules using this command\n"
"  --set-counters -c PKTS BYTES	set the counter during insert/append\n"
"[!] --version	-V		print package version.\n");
}

void xtn_ipt_usage(struct xtn_strbuf *sb, const char *name, bool ipv6)
{
	xs_usage_commands(sb, name);
	xtn_strbuf_puts(sb, ipv6 ?
"    --ipv4	-4		Error (line is ignored by ip6tables-restore)\n"
"    --ipv6	-6		Nothing (line is ignored by iptables-restore)\n" :
"    --ipv4	-4		Nothing (line is ignored by ip6tables-restore)\n"
"    --ipv6	-6		Error (line is ignored by iptables-restore)\n");
	xtn_strbuf_puts(sb,
"[!] --protocol	-p proto	protocol: by number or name, eg. `tcp'\n"
"[!] --source	-s address[/mask][...]\n"
"				source specification\n"
"[!] --destination -d address[/mask][...]\n"
"				destination specification\n");
	xs_usage_iface_jump(sb);
	xtn_strbuf_puts(sb,
"  --goto      -g chain\n"
"			       jump to chain with no return\n");
	xs_usage_options(sb);
	if (!ipv6)
		xtn_strbuf_puts(sb,
"[!] --fragment	-f		match second or further fragments only\n");
	xs_usage_tail(sb);
}
