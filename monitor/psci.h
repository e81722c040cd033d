/* PSCI 1.0 / SMCCC function IDs and return values (Arm DEN0022, DEN0028). */
#ifndef MONITOR_PSCI_H
#define MONITOR_PSCI_H

#include <rampart/types.h>

#define SMCCC_VERSION 0x80000000u
#define SMCCC_ARCH_FEATURES 0x80000001u
#define SMCCC_VERSION_1_1 0x10001

#define PSCI_VERSION 0x84000000u
#define PSCI_CPU_OFF 0x84000002u
#define PSCI_CPU_ON_32 0x84000003u
#define PSCI_CPU_ON_64 0xc4000003u
#define PSCI_AFFINITY_INFO_32 0x84000004u
#define PSCI_AFFINITY_INFO_64 0xc4000004u
#define PSCI_MIGRATE_INFO_TYPE 0x84000006u
#define PSCI_SYSTEM_OFF 0x84000008u
#define PSCI_SYSTEM_RESET 0x84000009u
#define PSCI_FEATURES 0x8400000au

#define PSCI_VERSION_1_0 0x10000
#define PSCI_TOS_NOT_PRESENT_MP 2

#define PSCI_RET_SUCCESS 0
#define PSCI_RET_NOT_SUPPORTED (-1)
#define PSCI_RET_INVALID_PARAMETERS (-2)
#define PSCI_RET_DENIED (-3)
#define PSCI_RET_ALREADY_ON (-4)
#define PSCI_RET_ON_PENDING (-5)
#define PSCI_RET_INVALID_ADDRESS (-9)

#define PSCI_AFF_ON 0
#define PSCI_AFF_OFF 1
#define PSCI_AFF_ON_PENDING 2

void psci_init_states(void);

/* Decode step (psci_decode.c): validation with no side effects. */
int64_t psci_features(uint32_t fid);
int64_t psci_decode_cpu_on(uint64_t target_mpidr, uint64_t entry, int *pos);
int64_t psci_decode_affinity_info(uint64_t target_mpidr, uint64_t lowest_level,
				  int *pos);
/* OFF -> ON_PENDING, atomically; ALREADY_ON / ON_PENDING otherwise. */
int64_t psci_claim_cpu_for_on(volatile uint32_t *state);

#endif
