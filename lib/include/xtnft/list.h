/* A minimal intrusive doubly linked list, in the style of the kernel's. */
#ifndef XTNFT_LIST_H
#define XTNFT_LIST_H

#include <stddef.h>

struct xtn_list {
	struct xtn_list *next, *prev;
};

#define XTN_LIST_INIT(name) { &(name), &(name) }

static inline void xtn_list_init(struct xtn_list *l)
{
	l->next = l;
	l->prev = l;
}

static inline int xtn_list_empty(const struct xtn_list *l)
{
	return l->next == l;
}

static inline void xtn_list_insert(struct xtn_list *n, struct xtn_list *prev,
				   struct xtn_list *next)
{
	next->prev = n;
	n->next = next;
	n->prev = prev;
	prev->next = n;
}

static inline void xtn_list_add_tail(struct xtn_list *n, struct xtn_list *head)
{
	xtn_list_insert(n, head->prev, head);
}

static inline void xtn_list_add(struct xtn_list *n, struct xtn_list *head)
{
	xtn_list_insert(n, head, head->next);
}

static inline void xtn_list_del(struct xtn_list *n)
{
	n->next->prev = n->prev;
	n->prev->next = n->next;
	n->next = n;
	n->prev = n;
}

#define xtn_container_of(ptr, type, member) \
	((type *)(void *)((char *)(ptr) - offsetof(type, member)))

#define xtn_list_entry(ptr, type, member) xtn_container_of(ptr, type, member)

#define xtn_list_for_each(pos, head, member)                                  \
	for (pos = xtn_list_entry((head)->next, __typeof__(*pos), member);    \
	     &pos->member != (head);                                          \
	     pos = xtn_list_entry(pos->member.next, __typeof__(*pos), member))

#define xtn_list_for_each_safe(pos, tmp, head, member)                        \
	for (pos = xtn_list_entry((head)->next, __typeof__(*pos), member),    \
	     tmp = xtn_list_entry(pos->member.next, __typeof__(*pos), member); \
	     &pos->member != (head);                                          \
	     pos = tmp,                                                       \
	     tmp = xtn_list_entry(tmp->member.next, __typeof__(*tmp), member))

#endif
