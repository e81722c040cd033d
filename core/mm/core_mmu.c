#include <kernel/log.h>
#include <mm/core_mmu.h>
#include <mm/pgt.h>
#include <platform_config.h>
#include <rampart/plat.h>
#include <rampart/arm64.h>

#define CORE_VA_BITS 39
#define CORE_TABLE_POOL 16

extern const uint8_t __core_start[], __text_end[], __rodata_end[], __core_end[];

void mmu_enable(uint64_t ttbr0, uint64_t tcr, uint64_t mair, uint64_t sctlr);

static struct pgt_table table_pool[CORE_TABLE_POOL];
static struct pgt core_pgt;

static paddr_t identity_pa(const struct pgt_table *t)
{
	return (paddr_t)t;
}
static struct pgt_table *identity_va(paddr_t pa)
{
	return (struct pgt_table *)pa;
}

static TEE_Result map_identity(uint64_t start, uint64_t end, uint64_t attrs,
			       const char *what)
{
	TEE_Result res = pgt_map(&core_pgt, start, start, end - start, attrs);

	if (res)
		core_log("cannot map %s [0x%lx, 0x%lx): 0x%x", what, start, end,
		     res);
	return res;
}

TEE_Result core_mmu_build_tables(void)
{
	static const struct {
		uint64_t base, size;
	} devices[] = {PLAT_DEVICE_WINDOWS};
	TEE_Result res;

	res = pgt_init(&core_pgt, table_pool, CORE_TABLE_POOL, CORE_VA_BITS,
		       identity_pa, identity_va);
	if (res)
		return res;
	res = map_identity((uint64_t)__core_start, (uint64_t)__text_end,
			   PGT_MEM_NORMAL | PGT_ATTR_X, "text");
	if (!res)
		res = map_identity((uint64_t)__text_end, (uint64_t)__rodata_end,
				   PGT_MEM_NORMAL, "rodata");
	if (!res)
		res = map_identity((uint64_t)__rodata_end, (uint64_t)__core_end,
				   PGT_MEM_NORMAL | PGT_ATTR_W, "data");
	/* The heap: the rest of the core's secure RAM region. */
	if (!res)
		res = map_identity((uint64_t)__core_end,
				   PLAT_CORE_BASE + PLAT_CORE_SIZE,
				   PGT_MEM_NORMAL | PGT_ATTR_W, "heap");
	/*
	 * All of normal-world DRAM, non-secure and never executable: the core
	 * reads and writes it only through ns_mem.c, after range checks.
	 */
	if (!res)
		res = map_identity(PLAT_NS_DRAM_BASE,
				   PLAT_NS_DRAM_BASE + plat_ns_dram_size(),
				   PGT_MEM_NORMAL | PGT_ATTR_W | PGT_ATTR_NS,
				   "normal-world DRAM");
	for (size_t i = 0; !res && i < ARRAY_SIZE(devices); i++)
		res = map_identity(devices[i].base,
				   devices[i].base + devices[i].size,
				   PGT_MEM_DEVICE | PGT_ATTR_W, "device");
	return res;
}

/*
 * Reads the finished tables back: every page of the image must be either
 * executable and read-only (text) or non-executable (everything else).
 */
TEE_Result core_mmu_verify_wxn(void)
{
	unsigned int text = 0, ro = 0, rw = 0;

	for (uint64_t va = (uint64_t)__core_start;
	     va < PLAT_CORE_BASE + PLAT_CORE_SIZE;
	     va += PGT_PAGE_SIZE) {
		paddr_t pa;
		uint64_t attrs;
		bool is_text = va < (uint64_t)__text_end;

		if (pgt_lookup(&core_pgt, va, &pa, &attrs) || pa != va)
			return TEE_ERROR_BAD_STATE;
		if ((attrs & PGT_ATTR_W) && (attrs & PGT_ATTR_X))
			return TEE_ERROR_SECURITY;
		if (is_text != !!(attrs & PGT_ATTR_X))
			return TEE_ERROR_SECURITY;
		if (is_text)
			text++;
		else if (attrs & PGT_ATTR_W)
			rw++;
		else
			ro++;
	}
	core_log("W^X verified: %u text pages RX, %u RO, %u RW-XN", text, ro, rw);
	return TEE_SUCCESS;
}

void core_mmu_enable_this_cpu(void)
{
	uint64_t parange = read_sysreg(id_aa64mmfr0_el1) & 0xf;
	uint64_t ips = parange > 5 ? 5 : parange;
	uint64_t tcr = (64 - CORE_VA_BITS) /* T0SZ */ |
		       (1ull << 8) /* IRGN0: WB WA */ |
		       (1ull << 10) /* ORGN0: WB WA */ |
		       (3ull << 12) /* SH0: inner shareable */ |
		       (1ull << 23) /* EPD1: no TTBR1 walks */ | (ips << 32);
	uint64_t sctlr = SCTLR_EL1_RESET | SCTLR_M | SCTLR_C | SCTLR_I |
			 SCTLR_SA | SCTLR_WXN;

	mmu_enable((uint64_t)core_pgt.root, tcr, PGT_MAIR_VALUE, sctlr);
}

const struct pgt *core_mmu_pgt(void) { return &core_pgt; }
