#include <crypto/crypto.h>
#include <kernel/log.h>
#include <mm/asid.h>
#include <mm/core_mmu.h>
#include <mm/heap.h>
#include <mm/page_pool.h>
#include <mm/uspace.h>
#include <rampart/arm64.h>
#include <string.h>

#define USPACE_TABLE_PAGES 16

/* SCTLR_EL1 controls for EL0 hardening (see uspace_init_cpu). */
#define SCTLR_ENDB BIT(13)
#define SCTLR_ENDA BIT(27)
#define SCTLR_ENIB BIT(30)
#define SCTLR_ENIA BIT(31)
#define SCTLR_BT0 BIT(35)
#define ID_AA64PFR1_BT(v) ((v)&0xf)
#define ID_AA64ISAR2_EL1 S3_0_C0_C6_2

/* PAuth key registers by encoding: no -march beyond v8.0 needed. */
#define APIAKEYLO_EL1 S3_0_C2_C1_0
#define APIAKEYHI_EL1 S3_0_C2_C1_1
#define APIBKEYLO_EL1 S3_0_C2_C1_2
#define APIBKEYHI_EL1 S3_0_C2_C1_3
#define APDAKEYLO_EL1 S3_0_C2_C2_0
#define APDAKEYHI_EL1 S3_0_C2_C2_1
#define APDBKEYLO_EL1 S3_0_C2_C2_2
#define APDBKEYHI_EL1 S3_0_C2_C2_3
#define APGAKEYLO_EL1 S3_0_C2_C3_0
#define APGAKEYHI_EL1 S3_0_C2_C3_1

static struct asid_allocator asids;
static volatile uint32_t asid_lock;
static bool asids_ready;
/* Same on every CPU (QEMU's are identical); set before any TA exists. */
static bool have_bti, have_pauth;

static paddr_t identity_pa(const struct pgt_table *t)
{
	return (paddr_t)t;
}
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

void uspace_init_cpu(void)
{
	uint64_t pfr1 = read_sysreg(id_aa64pfr1_el1);
	uint64_t isar1 = read_sysreg(id_aa64isar1_el1);
	uint64_t isar2 = read_sysreg(ID_AA64ISAR2_EL1);
	uint64_t sctlr = read_sysreg(sctlr_el1);

	have_bti = ID_AA64PFR1_BT(pfr1) != 0;
	have_pauth = ID_AA64ISAR1_APA(isar1) || ID_AA64ISAR1_API(isar1) ||
		     ID_AA64ISAR1_GPA(isar1) || ID_AA64ISAR1_GPI(isar1) ||
		     ID_AA64ISAR2_APA3(isar2) || ID_AA64ISAR2_GPA3(isar2);
	if (have_bti)
		sctlr |= SCTLR_BT0;
	if (have_pauth)
		sctlr |= SCTLR_ENIA | SCTLR_ENIB | SCTLR_ENDA | SCTLR_ENDB;
	write_sysreg(sctlr_el1, sctlr);
	isb();
	core_log("TA hardening: BTI %s, PAuth %s",
		 have_bti ? "on (guarded pages for BTI TAs)" : "not available",
		 have_pauth ? "on (keys per TA instance)" : "not available");
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
	/* Signed pointers of one instance are worthless in another. */
	if (!res && have_pauth)
		res = crypto_rng_read(u->pauth_keys, sizeof(u->pauth_keys));
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
	memset(u->pauth_keys, 0, sizeof(u->pauth_keys));
	__asm__ volatile("" ::"r"(u->pauth_keys) : "memory");
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
	if (!have_bti)
		attrs &= ~PGT_ATTR_GUARDED; /* GP is RES0 without FEAT_BTI */
	res = pgt_map(&u->pgt, va, (paddr_t)mem, size,
		      attrs | PGT_ATTR_USER | PGT_ATTR_NG);
	if (res)
		return res;
	u->region[u->num_regions++] = (struct uspace_region){
		.va = va, .pages = pages, .mem = mem, .owned = owned};
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
		__asm__ volatile(
			"dsb ishst\n tlbi aside1is, %0\n dsb ish\n isb" ::"r"(
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
		    !(attrs & PGT_ATTR_USER) ||
		    (write && !(attrs & PGT_ATTR_W)))
			return false;
	}
	return true;
}

void uspace_activate(const struct uspace *u)
{
	write_sysreg(ttbr0_el1,
		     (uint64_t)u->pgt.root | (uint64_t)u->asid << 48);
	if (have_pauth) {
		/* The monitor swaps these with Linux's at world switches. */
		write_sysreg(APIAKEYLO_EL1, u->pauth_keys[0]);
		write_sysreg(APIAKEYHI_EL1, u->pauth_keys[1]);
		write_sysreg(APIBKEYLO_EL1, u->pauth_keys[2]);
		write_sysreg(APIBKEYHI_EL1, u->pauth_keys[3]);
		write_sysreg(APDAKEYLO_EL1, u->pauth_keys[4]);
		write_sysreg(APDAKEYHI_EL1, u->pauth_keys[5]);
		write_sysreg(APDBKEYLO_EL1, u->pauth_keys[6]);
		write_sysreg(APDBKEYHI_EL1, u->pauth_keys[7]);
		write_sysreg(APGAKEYLO_EL1, u->pauth_keys[8]);
		write_sysreg(APGAKEYHI_EL1, u->pauth_keys[9]);
	}
	isb();
}

void uspace_deactivate(void)
{
	write_sysreg(ttbr0_el1, (uint64_t)core_mmu_pgt()->root);
	isb();
}
