/* QEMU virt memory map classification and PSCI argument decoding. */
#include <platform_config.h>
#include <rampart/plat.h>

#include "harness.h"
#include "psci.h"

TEST(plat_ns_dram_bounds)
{
	CHECK_EQ(plat_set_ns_dram_size(0), TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(plat_set_ns_dram_size(PLAT_NS_DRAM_MAX_SIZE + 0x1000),
		 TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(plat_set_ns_dram_size(0x100001), TEE_ERROR_BAD_PARAMETERS);
	CHECK_EQ(plat_set_ns_dram_size(0x40000000), TEE_SUCCESS);
	CHECK(plat_is_ns_dram(0x7ffff000, 0x1000));
	CHECK(!plat_is_ns_dram(0x80000000, 4));
	CHECK_EQ(plat_set_ns_dram_size(PLAT_NS_DRAM_MAX_SIZE), TEE_SUCCESS);
	CHECK(plat_is_ns_dram(0x40000000, 4));
	CHECK(plat_is_ns_dram(0xfffff000, 0x1000));
	CHECK(!plat_is_ns_dram(0xfffff000, 0x1001));
	CHECK(!plat_is_ns_dram(0x3ffffffc, 8));
	CHECK(!plat_is_ns_dram(0x40000000, 0));
	CHECK(!plat_is_ns_dram(0xffffffffffffff00ull, 0x200)); /* wraps */
	CHECK(!plat_is_ns_dram(PLAT_SECURE_RAM_BASE, 4));
}

TEST(plat_secure_memory_overlap)
{
	CHECK(plat_overlaps_secure_memory(PLAT_SECURE_RAM_BASE, 1));
	CHECK(plat_overlaps_secure_memory(PLAT_SECURE_RAM_BASE - 1, 2));
	CHECK(plat_overlaps_secure_memory(
		PLAT_SECURE_RAM_BASE + PLAT_SECURE_RAM_SIZE - 1, 1));
	CHECK(!plat_overlaps_secure_memory(
		PLAT_SECURE_RAM_BASE + PLAT_SECURE_RAM_SIZE, 0x1000));
	CHECK(plat_overlaps_secure_memory(0, 0x1000)); /* flash0 */
	CHECK(plat_overlaps_secure_memory(PLAT_SECURE_UART_BASE, 4));
	CHECK(!plat_overlaps_secure_memory(0x40000000, 0x100000));
	/* A range that wraps covers secure RAM. */
	CHECK(plat_overlaps_secure_memory(0xfffffffffffff000ull, 0x2000));
	CHECK(!plat_overlaps_secure_memory(PLAT_SECURE_RAM_BASE, 0));
}

TEST(plat_cpu_numbering)
{
	CHECK_EQ(plat_core_pos_by_mpidr(0x80000000), 0); /* MPIDR.M is RES1 */
	CHECK_EQ(plat_core_pos_by_mpidr(3), 3);
	CHECK_EQ(plat_core_pos_by_mpidr(4), -1);
	CHECK_EQ(plat_core_pos_by_mpidr(0x100), -1);
	CHECK_EQ(plat_core_pos_by_mpidr(0x10000), -1);
	CHECK_EQ(plat_core_pos_by_mpidr(0x100000000ull), -1);
}

TEST(psci_cpu_on_decode)
{
	int pos;

	CHECK_EQ(psci_decode_cpu_on(1, 0x40280000, &pos), PSCI_RET_SUCCESS);
	CHECK_EQ(pos, 1);
	CHECK_EQ(psci_decode_cpu_on(9, 0x40280000, &pos),
		 (uint64_t)PSCI_RET_INVALID_PARAMETERS);
	CHECK_EQ(psci_decode_cpu_on(1, 0x40280002, &pos),
		 (uint64_t)PSCI_RET_INVALID_ADDRESS);
	/* Entering the normal world in secure RAM or flash is refused. */
	CHECK_EQ(psci_decode_cpu_on(1, PLAT_SECURE_RAM_BASE, &pos),
		 (uint64_t)PSCI_RET_INVALID_ADDRESS);
	CHECK_EQ(psci_decode_cpu_on(1, 0, &pos),
		 (uint64_t)PSCI_RET_INVALID_ADDRESS);
}

TEST(psci_affinity_info_decode)
{
	int pos;

	CHECK_EQ(psci_decode_affinity_info(2, 0, &pos), PSCI_RET_SUCCESS);
	CHECK_EQ(pos, 2);
	CHECK_EQ(psci_decode_affinity_info(2, 1, &pos),
		 (uint64_t)PSCI_RET_INVALID_PARAMETERS);
	CHECK_EQ(psci_decode_affinity_info(0xff, 0, &pos),
		 (uint64_t)PSCI_RET_INVALID_PARAMETERS);
}

TEST(psci_power_state_transitions)
{
	volatile uint32_t state = PSCI_AFF_OFF;

	CHECK_EQ(psci_claim_cpu_for_on(&state), PSCI_RET_SUCCESS);
	CHECK_EQ(state, PSCI_AFF_ON_PENDING);
	CHECK_EQ(psci_claim_cpu_for_on(&state), (uint64_t)PSCI_RET_ON_PENDING);
	state = PSCI_AFF_ON;
	CHECK_EQ(psci_claim_cpu_for_on(&state), (uint64_t)PSCI_RET_ALREADY_ON);
	CHECK_EQ(state, PSCI_AFF_ON);
}

TEST(psci_features_lists_exactly_what_is_implemented)
{
	CHECK_EQ(psci_features(PSCI_CPU_ON_64), PSCI_RET_SUCCESS);
	CHECK_EQ(psci_features(PSCI_SYSTEM_RESET), PSCI_RET_SUCCESS);
	CHECK_EQ(psci_features(0x84000001u), (uint64_t)PSCI_RET_NOT_SUPPORTED);
	CHECK_EQ(psci_features(0xc400000eu), (uint64_t)PSCI_RET_NOT_SUPPORTED);
}
