#include <kernel/log.h>
#include <mm/asid.h>
#include <mm/core_mmu.h>
#include <mm/heap.h>
#include <mm/page_pool.h>
#include <mm/uspace.h>
#include <rampart/arm64.h>
#include <string.h>

#define USPACE_TABLE_PAGES 16

static struct asid_allocator asids;
static volatile uint32_t asid_lock;
static bool asids_ready;

static paddr_t identity_pa(const struct pgt_table *t) { return (paddr_t)t; }
static struct pgt_table *identity_va(paddr_t pa)
{
	return (struct pgt_table *)pa;
}

static TEE_Result asid_get(uint16_t *asid)
{
	TEE_Result res;

	while (__atomic_exchange_n(&asid_lock, 1, __ATOMIC_ACQUIRE))
		;
	if (!asids_ready) {
		asid_allocator_init(&asids, 8);
		asids_ready = true;
	}
	res = asid_alloc(&asids, asid);
	__atomic_store_n(&asid_lock, 0, __ATOMIC_RELEASE);
	return res;
}

static void asid_put(uint16_t asid)
{
	/* No stale translation may survive into the ASID's next owner. */
	__asm__ volatile("dsb ishst\n tlbi aside1is, %0\n dsb ish\n isb" ::"r"(
				 (uint64_t)asid << 48)
			 : "memory");
	while (__atomic_exchange_n(&asid_lock, 1, __ATOMIC_ACQUIRE))
		;
	asid_free(&asids, asid);
	__atomic_store_n(&asid_lock, 0, __ATOMIC_RELEASE);
}

TEE_Result uspace_create(struct uspace **out)
{
	struct uspace *u = calloc(1, sizeof(*u));
	const struct pgt *core = core_mmu_pgt();
	TEE_Result res;

	if (!u)
		return TEE_ERROR_OUT_OF_MEMORY;
	u->tables = page_pool_alloc(&core_page_pool, USPACE_TABLE_PAGES);
	if (!u->tables) {
		free(u);
		return TEE_ERROR_OUT_OF_MEMORY;
	}
	u->table_pages = USPACE_TABLE_PAGES;
	res = pgt_init(&u->pgt, u->tables, USPACE_TABLE_PAGES, core->va_bits,
		       identity_pa, identity_va);
	if (!res)
		res = asid_get(&u->asid);
	if (res) {
		page_pool_free(&core_page_pool, u->tables, USPACE_TABLE_PAGES);
		free(u);
		return res;
	}
	/* The core's own root entries (all below USPACE_BASE). */
	for (unsigned int i = 0; i < USPACE_BASE >> 30; i++)
		u->pgt.root->entry[i] = core->root->entry[i];
	*out = u;
	return TEE_SUCCESS;
}

void uspace_destroy(struct uspace *u)
{
	if (!u)
		return;
	asid_put(u->asid);
	for (size_t i = 0; i < u->num_regions; i++)
		if (u->region[i].owned)
			page_pool_free(&core_page_pool, u->region[i].mem,
				       u->region[i].pages);
	page_pool_free(&core_page_pool, u->tables, u->table_pages);
	free(u);
}

TEE_Result uspace_map(struct uspace *u, uaddr_t va, void *mem, size_t pages,
		      uint64_t attrs, bool owned)
{
	uint64_t size, end;
	TEE_Result res;

	if (u->num_regions == USPACE_MAX_REGIONS)
		return TEE_ERROR_OUT_OF_MEMORY;
	if (MUL_OVERFLOW((uint64_t)pages, PGT_PAGE_SIZE, &size) ||
	    ADD_OVERFLOW(va, size, &end) || va < USPACE_BASE ||
	    end > USPACE_END)
		return TEE_ERROR_BAD_PARAMETERS;
	res = pgt_map(&u->pgt, va, (paddr_t)mem, size,
		      attrs | PGT_ATTR_USER | PGT_ATTR_NG);
	if (res)
		return res;
	u->region[u->num_regions++] = (struct uspace_region){
		.va = va, .pages = pages, .mem = mem, .owned = owned
	};
	return TEE_SUCCESS;
}

TEE_Result uspace_unmap(struct uspace *u, uaddr_t va)
{
	for (size_t i = 0; i < u->num_regions; i++) {
		struct uspace_region r = u->region[i];

		if (r.va != va)
			continue;
		if (pgt_unmap(&u->pgt, va, r.pages * PGT_PAGE_SIZE))
			return TEE_ERROR_BAD_STATE;
		__asm__ volatile("dsb ishst\n tlbi aside1is, %0\n dsb ish\n isb" ::"r"(
					 (uint64_t)u->asid << 48)
				 : "memory");
		if (r.owned)
			page_pool_free(&core_page_pool, r.mem, r.pages);
		u->region[i] = u->region[--u->num_regions];
		return TEE_SUCCESS;
	}
	return TEE_ERROR_ITEM_NOT_FOUND;
}

bool uspace_access_ok(const struct uspace *u, uaddr_t va, size_t len,
		      bool write)
{
	uint64_t end;

	if (!len)
		return true;
	if (ADD_OVERFLOW(va, (uint64_t)len, &end) || va < USPACE_BASE ||
	    end > USPACE_END)
		return false;
	for (uaddr_t a = ROUNDDOWN(va, PGT_PAGE_SIZE); a < end;
	     a += PGT_PAGE_SIZE) {
		paddr_t pa;
		uint64_t attrs;

		if (pgt_lookup(&u->pgt, a, &pa, &attrs) ||
		    !(attrs & PGT_ATTR_USER) || (write && !(attrs & PGT_ATTR_W)))
			return false;
	}
	return true;
}

void uspace_activate(const struct uspace *u)
{
	write_sysreg(ttbr0_el1, (uint64_t)u->pgt.root | (uint64_t)u->asid << 48);
	isb();
}

void uspace_deactivate(void)
{
	write_sysreg(ttbr0_el1, (uint64_t)core_mmu_pgt()->root);
	isb();
}
