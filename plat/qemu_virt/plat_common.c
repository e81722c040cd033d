/* Address classification and CPU numbering for QEMU virt. */
#include <platform_config.h>
#include <rampart/arm64.h>
#include <rampart/plat.h>

/* CPUs present; until the boot code knows better, all we support. */
static unsigned int cpu_count = PLAT_MAX_CPUS;

TEE_Result plat_set_cpu_count(unsigned int count)
{
	if (!count || count > PLAT_MAX_CPUS)
		return TEE_ERROR_BAD_PARAMETERS;
	cpu_count = count;
	return TEE_SUCCESS;
}

int plat_core_pos_by_mpidr(uint64_t mpidr)
{
	/* QEMU virt numbers CPUs in clusters of 8 (Aff1) from 0 (Aff0). */
	if (mpidr & (MPIDR_AFF_MASK & ~0xffffull))
		return -1;
	uint64_t pos = MPIDR_AFF1(mpidr) * 8 + MPIDR_AFF0(mpidr);

	return pos < cpu_count ? (int)pos : -1;
}

static bool ranges_overlap(uint64_t a, uint64_t a_size, uint64_t b,
			   uint64_t b_size)
{
	/* Sizes are > 0 and ends do not overflow here: callers checked. */
	return a < b + b_size && b < a + a_size;
}

/* Until the boot code sets it, assume the largest possible DRAM. */
static uint64_t ns_dram_size = PLAT_NS_DRAM_MAX_SIZE;

TEE_Result plat_set_ns_dram_size(uint64_t size)
{
	if (!size || size > PLAT_NS_DRAM_MAX_SIZE ||
	    !IS_ALIGNED(size, 0x1000))
		return TEE_ERROR_BAD_PARAMETERS;
	ns_dram_size = size;
	return TEE_SUCCESS;
}

uint64_t plat_ns_dram_size(void) { return ns_dram_size; }

bool plat_is_ns_dram(paddr_t pa, uint64_t size)
{
	paddr_t end;

	if (!size || ADD_OVERFLOW(pa, size, &end))
		return false;
	return pa >= PLAT_NS_DRAM_BASE && end <= PLAT_NS_DRAM_BASE + ns_dram_size;
}

bool plat_overlaps_secure_memory(paddr_t pa, uint64_t size)
{
	paddr_t end;

	if (!size)
		return false;
	if (ADD_OVERFLOW(pa, size, &end))
		return true; /* wraps: covers everything, secure RAM included */
	return ranges_overlap(pa, size, PLAT_SECURE_RAM_BASE,
			      PLAT_SECURE_RAM_SIZE) ||
	       ranges_overlap(pa, size, 0, 0x04000000ull) /* flash0 */ ||
	       ranges_overlap(pa, size, PLAT_SECURE_UART_BASE, 0x1000) ||
	       ranges_overlap(pa, size, PLAT_SECURE_GPIO_BASE, 0x1000);
}
