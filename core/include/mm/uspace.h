/*
 * A TA's address space: its own translation tables (which also carry the
 * core's own mappings, privileged-only and global, so the core keeps
 * running when it switches TTBR0) and an ASID. TA mappings are user,
 * not-global, and live at or above USPACE_BASE.
 */
#ifndef MM_USPACE_H
#define MM_USPACE_H

#include <mm/pgt.h>
#include <rampart/types.h>

#define USPACE_BASE 0x100000000ull /* 4 GiB: above everything the core maps */
#define USPACE_END 0x4000000000ull /* 256 GiB, within the 39-bit space */
#define USPACE_MAX_REGIONS 24

struct uspace_region {
	uaddr_t va;
	size_t pages;
	void *mem;  /* secure pages backing it (page pool) */
	bool owned; /* freed with the space */
};

/* APIA, APIB, APDA, APDB, APGA: low and high halves. */
#define USPACE_PAUTH_KEY_WORDS 10

struct uspace {
	struct pgt pgt;
	struct pgt_table *tables;
	size_t table_pages;
	uint16_t asid;
	size_t num_regions;
	struct uspace_region region[USPACE_MAX_REGIONS];
	/* This instance's own pointer-authentication keys (random). */
	uint64_t pauth_keys[USPACE_PAUTH_KEY_WORDS];
};

/*
 * Once per CPU at bring-up (also after CPU_ON): turns on what this CPU has
 * for EL0 code. FEAT_BTI: SCTLR_EL1.BT0 (PACIASP is no landing pad for a
 * BR through an arbitrary register); pages are guarded only for TAs whose
 * ELF declares BTI. FEAT_PAuth: SCTLR_EL1.EnIA/EnIB/EnDA/EnDB, which also
 * cover EL1: the core is built without PAC instructions, so it is
 * unaffected by the keys changing under it at every activation.
 */
void uspace_init_cpu(void);

/* A new address space, with fresh random PAuth keys if the CPU has PAuth. */
TEE_Result uspace_create(struct uspace **out);
void uspace_destroy(struct uspace *u);

/*
 * Maps @pages pages at @mem (page-pool memory) at @va with PGT_ATTR_*.
 * PGT_ATTR_GUARDED is dropped on CPUs without BTI.
 */
TEE_Result uspace_map(struct uspace *u, uaddr_t va, void *mem, size_t pages,
		      uint64_t attrs, bool owned);
/* Unmaps the region starting at @va (mapped by uspace_map), frees if owned. */
TEE_Result uspace_unmap(struct uspace *u, uaddr_t va);

/*
 * True if every byte of [va, va + len) is mapped user-accessible (and
 * writable when @write) in @u. len 0 is accepted for any va.
 */
bool uspace_access_ok(const struct uspace *u, uaddr_t va, size_t len,
		      bool write);

/*
 * Install @u in TTBR0 (and its PAuth keys) on this CPU, or go back to the
 * core's own tables.
 */
void uspace_activate(const struct uspace *u);
void uspace_deactivate(void);

#endif
