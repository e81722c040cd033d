/*
 * The decode half of PSCI: argument validation and power-state transitions
 * that touch nothing but their inputs, so they unit-test on the host.
 */
#include <rampart/plat.h>

#include "psci.h"

int64_t psci_decode_cpu_on(uint64_t target_mpidr, uint64_t entry, int *pos)
{
	*pos = plat_core_pos_by_mpidr(target_mpidr);
	if (*pos < 0)
		return PSCI_RET_INVALID_PARAMETERS;
	if (!IS_ALIGNED(entry, 4) || !plat_is_ns_dram(entry, 4))
		return PSCI_RET_INVALID_ADDRESS;
	return PSCI_RET_SUCCESS;
}

int64_t psci_decode_affinity_info(uint64_t target_mpidr, uint64_t lowest_level,
				  int *pos)
{
	*pos = plat_core_pos_by_mpidr(target_mpidr);
	if (*pos < 0 || lowest_level != 0)
		return PSCI_RET_INVALID_PARAMETERS;
	return PSCI_RET_SUCCESS;
}

int64_t psci_claim_cpu_for_on(volatile uint32_t *state)
{
	uint32_t expected = PSCI_AFF_OFF;

	if (__atomic_compare_exchange_n(state, &expected, PSCI_AFF_ON_PENDING,
					false, __ATOMIC_ACQ_REL,
					__ATOMIC_ACQUIRE))
		return PSCI_RET_SUCCESS;
	return expected == PSCI_AFF_ON ? PSCI_RET_ALREADY_ON
				       : PSCI_RET_ON_PENDING;
}

int64_t psci_features(uint32_t fid)
{
	switch (fid) {
	case PSCI_VERSION:
	case PSCI_CPU_OFF:
	case PSCI_CPU_ON_32:
	case PSCI_CPU_ON_64:
	case PSCI_AFFINITY_INFO_32:
	case PSCI_AFFINITY_INFO_64:
	case PSCI_MIGRATE_INFO_TYPE:
	case PSCI_SYSTEM_OFF:
	case PSCI_SYSTEM_RESET:
	case PSCI_FEATURES:
	case SMCCC_VERSION:
		return PSCI_RET_SUCCESS;
	default:
		return PSCI_RET_NOT_SUPPORTED;
	}
}
