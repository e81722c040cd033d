/* Translation-table construction: layout, attributes, W^X, hostile input. */
#include <mm/pgt.h>
#include <stdlib.h>

#include "harness.h"

#define POOL 16

static paddr_t host_pa(const struct pgt_table *t)
{
	return (paddr_t)t;
}
static struct pgt_table *host_va(paddr_t pa)
{
	return (struct pgt_table *)pa;
}

static struct pgt_table *new_pool(size_t n)
{
	struct pgt_table *p = aligned_alloc(4096, n * sizeof(*p));

	return p;
}

static void setup(struct pgt *p, struct pgt_table *pool, size_t n)
{
	CHECK_EQ(pgt_init(p, pool, n, 39, host_pa, host_va), TEE_SUCCESS);
}

TEST(pgt_maps_pages_and_translates)
{
	struct pgt_table *pool = new_pool(POOL);
	struct pgt p;
	paddr_t pa;
	uint64_t attrs;

	setup(&p, pool, POOL);
	CHECK_EQ(p.start_level, 1);
	CHECK_EQ(pgt_map(&p, 0x0e100000, 0x0e100000, 0x3000,
			 PGT_MEM_NORMAL | PGT_ATTR_X),
		 TEE_SUCCESS);
	CHECK_EQ(pgt_lookup(&p, 0x0e101234, &pa, &attrs), TEE_SUCCESS);
	CHECK_EQ(pa, 0x0e101234);
	CHECK_EQ(attrs, PGT_MEM_NORMAL | PGT_ATTR_X);
	/* Just past the end is unmapped. */
	CHECK_EQ(pgt_lookup(&p, 0x0e103000, &pa, NULL),
		 TEE_ERROR_ITEM_NOT_FOUND);
	/* Root + L2 + L3 tables. */
	CHECK_EQ(p.pool_used, 3);
	free(pool);
}

TEST(pgt_uses_blocks_when_aligned)
{
	struct pgt_table *pool = new_pool(POOL);
	struct pgt p;
	paddr_t pa;
	uint64_t attrs;

	setup(&p, pool, POOL);
	/* 16 MiB of device memory at a 2 MiB boundary: eight L2 blocks. */
	CHECK_EQ(pgt_map(&p, 0x08000000, 0x08000000, 0x01000000,
			 PGT_MEM_DEVICE | PGT_ATTR_W),
		 TEE_SUCCESS);
	CHECK_EQ(p.pool_used, 2); /* root + one L2, no L3 */
	CHECK_EQ(pgt_lookup(&p, 0x08fedcba, &pa, &attrs), TEE_SUCCESS);
	CHECK_EQ(pa, 0x08fedcba);
	CHECK_EQ(attrs, PGT_MEM_DEVICE | PGT_ATTR_W);
	/* A 1 GiB-aligned GiB is a single L1 block. */
	CHECK_EQ(pgt_map(&p, 0x40000000, 0x80000000, 0x40000000,
			 PGT_MEM_NORMAL | PGT_ATTR_NS),
		 TEE_SUCCESS);
	CHECK_EQ(p.pool_used, 2);
	CHECK_EQ(pgt_lookup(&p, 0x7fffffff, &pa, &attrs), TEE_SUCCESS);
	CHECK_EQ(pa, 0xbfffffff);
	CHECK_EQ(attrs, PGT_MEM_NORMAL | PGT_ATTR_NS);
	free(pool);
}

TEST(pgt_virtual_to_different_physical)
{
	struct pgt_table *pool = new_pool(POOL);
	struct pgt p;
	paddr_t pa;
	uint64_t attrs;

	setup(&p, pool, POOL);
	CHECK_EQ(pgt_map(&p, 0x100000, 0x0e200000, 0x2000,
			 PGT_ATTR_USER | PGT_ATTR_NG | PGT_ATTR_W),
		 TEE_SUCCESS);
	CHECK_EQ(pgt_lookup(&p, 0x101008, &pa, &attrs), TEE_SUCCESS);
	CHECK_EQ(pa, 0x0e201008);
	CHECK_EQ(attrs, PGT_ATTR_USER | PGT_ATTR_NG | PGT_ATTR_W);
	free(pool);
}

TEST(pgt_descriptor_bits_enforce_wxn_and_user_split)
{
	struct pgt_table *pool = new_pool(POOL);
	struct pgt p;
	uint64_t *l3;
	uint64_t d;

	setup(&p, pool, POOL);
	CHECK_EQ(pgt_map(&p, 0x200000, 0x200000, 0x1000,
			 PGT_ATTR_USER | PGT_ATTR_X),
		 TEE_SUCCESS);
	CHECK_EQ(pgt_map(&p, 0x201000, 0x201000, 0x1000, PGT_ATTR_X),
		 TEE_SUCCESS);
	CHECK_EQ(pgt_map(&p, 0x202000, 0x202000, 0x1000, PGT_ATTR_W),
		 TEE_SUCCESS);
	l3 = pool[2].entry;
	/* User code: EL0 may run it, the core (PXN) may not; read-only. */
	d = l3[0];
	CHECK_EQ(d & 3, 3);
	CHECK(d & (1ull << 53));
	CHECK(!(d & (1ull << 54)));
	CHECK(d & (1ull << 6));
	CHECK(d & (1ull << 7));
	/* Core code: UXN, not PXN. */
	d = l3[1];
	CHECK(!(d & (1ull << 53)));
	CHECK(d & (1ull << 54));
	/* Data: never executable. */
	d = l3[2];
	CHECK(d & (1ull << 53));
	CHECK(d & (1ull << 54));
	CHECK(!(d & (1ull << 7)));
	/* Access flag always set, inner shareable for normal memory. */
	CHECK(d & (1ull << 10));
	CHECK_EQ((d >> 8) & 3, 3);
	free(pool);
}

TEST(pgt_rejects_bad_requests_without_side_effects)
{
	struct pgt_table *pool = new_pool(POOL);
	struct pgt p;
	paddr_t pa;

	setup(&p, pool, POOL);
	CHECK_EQ(pgt_map(&p, 0x1000, 0x1000, 0x1000, PGT_ATTR_W | PGT_ATTR_X),
		 TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(pgt_map(&p, 0x1001, 0x1000, 0x1000, 0),
		 TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(pgt_map(&p, 0x1000, 0x1800, 0x1000, 0),
		 TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(pgt_map(&p, 0x1000, 0x1000, 0x10, 0),
		 TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(pgt_map(&p, 0x1000, 0x1000, 0, 0), TEE_ERROR_BAD_PARAMETERS);
	/* va + size wraps around the address space. */
	CHECK_EQ(pgt_map(&p, 0xfffffffffffff000ull, 0, 0x2000, 0),
		 TEE_ERROR_BAD_PARAMETERS);
	/* Beyond the 39-bit VA space. */
	CHECK_EQ(pgt_map(&p, 1ull << 39, 0, 0x1000, 0),
		 TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(pgt_map(&p, (1ull << 39) - 0x1000, 0, 0x2000, 0),
		 TEE_ERROR_BAD_PARAMETERS);
	/* Executable or user device memory. */
	CHECK_EQ(pgt_map(&p, 0x1000, 0x1000, 0x1000,
			 PGT_MEM_DEVICE | PGT_ATTR_X),
		 TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(pgt_map(&p, 0x1000, 0x1000, 0x1000,
			 PGT_MEM_DEVICE | PGT_ATTR_USER),
		 TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(
		pgt_map(&p, 0x1000, 0x1000, 0x1000, 7ull << PGT_ATTR_MEM_SHIFT),
		TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(pgt_map(&p, 0x1000, 0x1000, 0x1000, BIT(30)),
		 TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(p.pool_used, 1);
	CHECK_EQ(pgt_lookup(&p, 0x1000, &pa, NULL), TEE_ERROR_ITEM_NOT_FOUND);
	free(pool);
}

TEST(pgt_refuses_overlaps_atomically)
{
	struct pgt_table *pool = new_pool(POOL);
	struct pgt p;
	paddr_t pa;

	setup(&p, pool, POOL);
	CHECK_EQ(pgt_map(&p, 0x5000, 0x5000, 0x1000, 0), TEE_SUCCESS);
	/* Overlaps only in its last page: nothing of it may be mapped. */
	CHECK_EQ(pgt_map(&p, 0x2000, 0x9000, 0x4000, PGT_ATTR_W),
		 TEE_ERROR_BAD_STATE);
	CHECK_EQ(pgt_lookup(&p, 0x2000, &pa, NULL), TEE_ERROR_ITEM_NOT_FOUND);
	/* A page inside an existing block. */
	CHECK_EQ(pgt_map(&p, 0x40000000, 0x40000000, 0x200000, 0), TEE_SUCCESS);
	CHECK_EQ(pgt_map(&p, 0x40001000, 0x1000, 0x1000, 0),
		 TEE_ERROR_BAD_STATE);
	/* A block over existing pages. */
	CHECK_EQ(pgt_map(&p, 0, 0, 0x200000, 0), TEE_ERROR_BAD_STATE);
	free(pool);
}

TEST(pgt_pool_exhaustion_leaves_tables_untouched)
{
	struct pgt_table *pool = new_pool(3);
	struct pgt p;
	paddr_t pa;

	setup(&p, pool, 3);
	CHECK_EQ(pgt_map(&p, 0x1000, 0x1000, 0x1000, 0), TEE_SUCCESS);
	CHECK_EQ(p.pool_used, 3);
	/* Needs a new L2 and L3: pool is full. */
	CHECK_EQ(pgt_map(&p, 0x80001000, 0x1000, 0x1000, 0),
		 TEE_ERROR_OUT_OF_MEMORY);
	CHECK_EQ(pgt_lookup(&p, 0x80001000, &pa, NULL),
		 TEE_ERROR_ITEM_NOT_FOUND);
	/* Still fits in the existing L3. */
	CHECK_EQ(pgt_map(&p, 0x2000, 0x2000, 0x1000, 0), TEE_SUCCESS);
	free(pool);
}

TEST(pgt_init_rejects_bad_arguments)
{
	struct pgt_table *pool = new_pool(1);
	struct pgt p;

	CHECK_EQ(pgt_init(&p, pool, 0, 39, host_pa, host_va),
		 TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(pgt_init(&p, pool, 1, 24, host_pa, host_va),
		 TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(pgt_init(&p, pool, 1, 49, host_pa, host_va),
		 TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(pgt_init(&p, pool, 1, 48, host_pa, host_va), TEE_SUCCESS);
	CHECK_EQ(p.start_level, 0);
	CHECK_EQ(pgt_init(&p, pool, 1, 30, host_pa, host_va), TEE_SUCCESS);
	CHECK_EQ(p.start_level, 2);
	free(pool);
}

TEST(pgt_unmap_pages_all_or_nothing)
{
	struct pgt_table *pool = new_pool(POOL);
	struct pgt p;
	paddr_t pa;

	setup(&p, pool, POOL);
	CHECK_EQ(pgt_map(&p, 0x100000000ull, 0x200000, 0x3000,
			 PGT_ATTR_USER | PGT_ATTR_W),
		 TEE_SUCCESS);
	/* Part of the range unmapped: nothing changes. */
	CHECK_EQ(pgt_unmap(&p, 0x100001000ull, 0x3000), TEE_ERROR_BAD_STATE);
	CHECK_EQ(pgt_lookup(&p, 0x100001000ull, &pa, NULL), TEE_SUCCESS);
	CHECK_EQ(pgt_unmap(&p, 0x100001000ull, 0x1001),
		 TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(pgt_unmap(&p, 0x100001000ull, 0x2000), TEE_SUCCESS);
	CHECK_EQ(pgt_lookup(&p, 0x100001000ull, &pa, NULL),
		 TEE_ERROR_ITEM_NOT_FOUND);
	CHECK_EQ(pgt_lookup(&p, 0x100000000ull, &pa, NULL), TEE_SUCCESS);
	/* And the range can be mapped again. */
	CHECK_EQ(pgt_map(&p, 0x100001000ull, 0x400000, 0x2000, PGT_ATTR_USER),
		 TEE_SUCCESS);
	/* Blocks are not split. */
	CHECK_EQ(pgt_map(&p, 0x40000000, 0x40000000, 0x200000, 0), TEE_SUCCESS);
	CHECK_EQ(pgt_unmap(&p, 0x40000000, 0x1000), TEE_ERROR_BAD_STATE);
	free(pool);
}

TEST(pgt_guarded_pages_carry_the_gp_bit)
{
	struct pgt_table *pool = new_pool(POOL);
	struct pgt p;
	paddr_t pa;
	uint64_t attrs;
	uint64_t *l3;

	setup(&p, pool, POOL);
	CHECK_EQ(pgt_map(&p, 0x200000, 0x200000, 0x1000,
			 PGT_ATTR_USER | PGT_ATTR_X | PGT_ATTR_GUARDED),
		 TEE_SUCCESS);
	CHECK_EQ(pgt_map(&p, 0x201000, 0x201000, 0x1000,
			 PGT_ATTR_USER | PGT_ATTR_X),
		 TEE_SUCCESS);
	l3 = pool[2].entry;
	/* GP is descriptor bit 50; an unguarded code page has it clear. */
	CHECK(l3[0] & (1ull << 50));
	CHECK(!(l3[1] & (1ull << 50)));
	/* Still user code: PXN set, UXN clear. */
	CHECK(l3[0] & (1ull << 53));
	CHECK(!(l3[0] & (1ull << 54)));
	CHECK_EQ(pgt_lookup(&p, 0x200abc, &pa, &attrs), TEE_SUCCESS);
	CHECK_EQ(attrs, PGT_ATTR_USER | PGT_ATTR_X | PGT_ATTR_GUARDED);
	CHECK_EQ(pgt_lookup(&p, 0x201abc, &pa, &attrs), TEE_SUCCESS);
	CHECK_EQ(attrs, PGT_ATTR_USER | PGT_ATTR_X);
	/* Blocks carry it too. */
	CHECK_EQ(pgt_map(&p, 0x40000000, 0x40000000, 0x200000,
			 PGT_ATTR_X | PGT_ATTR_GUARDED),
		 TEE_SUCCESS);
	CHECK(pool[3].entry[0] & (1ull << 50)); /* the second GiB's L2 */
	CHECK_EQ(pgt_lookup(&p, 0x40001000, &pa, &attrs), TEE_SUCCESS);
	CHECK_EQ(attrs, PGT_ATTR_X | PGT_ATTR_GUARDED);
	free(pool);
}

TEST(pgt_guarded_needs_executable)
{
	struct pgt_table *pool = new_pool(POOL);
	struct pgt p;
	paddr_t pa;

	setup(&p, pool, POOL);
	/* Guarding data makes no sense and would hide a caller's mistake. */
	CHECK_EQ(pgt_map(&p, 0x1000, 0x1000, 0x1000,
			 PGT_ATTR_USER | PGT_ATTR_GUARDED),
		 TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(pgt_map(&p, 0x1000, 0x1000, 0x1000,
			 PGT_ATTR_USER | PGT_ATTR_W | PGT_ATTR_GUARDED),
		 TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(p.pool_used, 1);
	CHECK_EQ(pgt_lookup(&p, 0x1000, &pa, NULL), TEE_ERROR_ITEM_NOT_FOUND);
	free(pool);
}
