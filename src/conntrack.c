/*
 * conntrack: a program of its own, so that only it loads
 * libnetfilter_conntrack; the iptables tools of the multi-call binary start
 * without it.  "xtnft conntrack ..." hands over to this program.
 */
#include <xtnft/tools.h>
#include "tools.h"

int main(int argc, char **argv)
{
	return tool_conntrack(xtn_tool_find("conntrack"), argc, argv);
}
