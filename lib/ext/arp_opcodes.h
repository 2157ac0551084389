/*
 * ARP opcode names, 1 to 9, as arptables and ebtables' arp match read
 * (any case) and print them: one list for both tools' tables and help.
 */
#ifndef XTNFT_EXT_ARP_OPCODES_H
#define XTNFT_EXT_ARP_OPCODES_H

#define XTN_ARP_OPCODES(X) \
	X(1, "Request") X(2, "Reply") X(3, "Request_Reverse") \
	X(4, "Reply_Reverse") X(5, "DRARP_Request") X(6, "DRARP_Reply") \
	X(7, "DRARP_Error") X(8, "InARP_Request") X(9, "ARP_NAK")

#define XTN_ARP_OPCODE_NAME(n, s) s,
#define XTN_ARP_OPCODE_HELP_LINE(n, s) " " #n " = " s "\n"

/* 1.8.9's help lines: " opcode strings: \n 1 = Request\n..." */
#define XTN_ARP_OPCODES_HELP \
	" opcode strings: \n" XTN_ARP_OPCODES(XTN_ARP_OPCODE_HELP_LINE)

#define XTN_ARP_N_OPCODES 9

/* Index n - 1 for opcode n (defined in base_arp.c). */
extern const char *const xtn_arp_opcode_names[XTN_ARP_N_OPCODES];

#endif
