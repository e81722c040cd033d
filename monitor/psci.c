/*
 * PSCI 1.0 and the SMCCC architecture calls for the normal world. Each call
 * is decoded (arguments validated) before anything changes.
 */
#include <drivers/gicv3_rdist.h>
#include <platform_config.h>
#include <rampart/arm64.h>
#include <rampart/monitor_core.h>
#include <rampart/plat.h>

#include "monitor.h"
#include "psci.h"

/* AFFINITY_INFO values double as our per-CPU power state. */
static volatile uint32_t cpu_state[PLAT_MAX_CPUS];

void psci_init_states(void)
{
	for (int i = 0; i < PLAT_MAX_CPUS; i++)
		cpu_state[i] = PSCI_AFF_OFF;
}

void psci_mark_cpu_on(unsigned int pos)
{
	__atomic_store_n(&cpu_state[pos], PSCI_AFF_ON, __ATOMIC_RELEASE);
}

void __attribute__((noreturn)) psci_cpu_off_finish(struct monitor_cpu *cpu)
{
	cpu->core_op = CORE_OP_NONE;
	/* From here on another CPU may CPU_ON us: we only wait on the mailbox.
	 */
	__atomic_store_n(&cpu_state[cpu->pos], PSCI_AFF_OFF, __ATOMIC_RELEASE);
	dsb_sy();
	monitor_park_cpu(cpu->pos);
}

/* Group 0 SGI to one CPU (ICC_SGI0R_EL1 from EL3): ends its WFI. */
static void wake_parked_cpu(uint64_t mpidr)
{
	uint64_t sgi =
		((uint64_t)GIC_WAKEUP_SGI << 24) | (MPIDR_AFF1(mpidr) << 16) |
		(((mpidr >> 16) & 0xff) << 32) |
		(((mpidr >> 32) & 0xff) << 48) | BIT(MPIDR_AFF0(mpidr) & 0xf);

	write_sysreg(S3_0_C12_C11_7, sgi);
	isb();
}

static int64_t cpu_on(uint64_t target, uint64_t entry, uint64_t context_id)
{
	int pos;
	int64_t ret = psci_decode_cpu_on(target, entry, &pos);

	if (ret == PSCI_RET_SUCCESS)
		ret = psci_claim_cpu_for_on(&cpu_state[pos]);
	if (ret != PSCI_RET_SUCCESS)
		return ret;

	monitor_cpus[pos].ns_entry = entry;
	monitor_cpus[pos].ns_context_id = context_id;
	dsb_sy();
	monitor_cpu_mailbox[pos] = (uint64_t)monitor_warm_entry;
	dsb_sy();
	wake_parked_cpu(target);
	return PSCI_RET_SUCCESS;
}

static int64_t affinity_info(uint64_t target, uint64_t lowest_level)
{
	int pos;
	int64_t ret = psci_decode_affinity_info(target, lowest_level, &pos);

	if (ret != PSCI_RET_SUCCESS)
		return ret;
	return __atomic_load_n(&cpu_state[pos], __ATOMIC_ACQUIRE);
}

bool psci_handle(struct monitor_cpu *cpu, struct gp_regs *ns,
		 struct gp_regs **next)
{
	uint32_t fid = (uint32_t)ns->x[0];
	bool smc64 = fid & BIT(30);
	uint64_t a1 = smc64 ? ns->x[1] : (uint32_t)ns->x[1];
	uint64_t a2 = smc64 ? ns->x[2] : (uint32_t)ns->x[2];
	uint64_t a3 = smc64 ? ns->x[3] : (uint32_t)ns->x[3];
	uint64_t noargs[8] = {0};
	int64_t ret;

	*next = ns;
	switch (fid) {
	case SMCCC_VERSION:
		ret = SMCCC_VERSION_1_1;
		break;
	case SMCCC_ARCH_FEATURES:
		/* No firmware workarounds are offered: report none. */
		ret = (uint32_t)a1 == SMCCC_VERSION ||
				      (uint32_t)a1 == SMCCC_ARCH_FEATURES
			      ? PSCI_RET_SUCCESS
			      : PSCI_RET_NOT_SUPPORTED;
		break;
	case PSCI_VERSION:
		ret = PSCI_VERSION_1_0;
		break;
	case PSCI_FEATURES:
		ret = psci_features((uint32_t)a1);
		break;
	case PSCI_MIGRATE_INFO_TYPE:
		ret = PSCI_TOS_NOT_PRESENT_MP;
		break;
	case PSCI_CPU_ON_32:
	case PSCI_CPU_ON_64:
		ret = cpu_on(a1, a2, a3);
		break;
	case PSCI_AFFINITY_INFO_32:
	case PSCI_AFFINITY_INFO_64:
		ret = affinity_info(a1, a2);
		break;
	case PSCI_CPU_OFF:
		if (core_is_alive()) {
			*next = core_enter(cpu, CORE_ENTRY_CPU_OFF,
					   CORE_OP_CPU_OFF, noargs);
			return true;
		}
		psci_cpu_off_finish(cpu);
	case PSCI_SYSTEM_OFF:
	case PSCI_SYSTEM_RESET: {
		enum core_op op = fid == PSCI_SYSTEM_OFF ? CORE_OP_SYSTEM_OFF
							 : CORE_OP_SYSTEM_RESET;
		unsigned int entry = fid == PSCI_SYSTEM_OFF
					     ? CORE_ENTRY_SYSTEM_OFF
					     : CORE_ENTRY_SYSTEM_RESET;

		if (core_is_alive()) {
			*next = core_enter(cpu, entry, op, noargs);
			return true;
		}
		mlog(op == CORE_OP_SYSTEM_OFF ? "system off" : "system reset");
		if (op == CORE_OP_SYSTEM_OFF)
			plat_system_off();
		else
			plat_system_reset();
		monitor_wait_for_power_off();
	}
	default:
		/* Other standard/arch services: not ours unless listed. */
		if (((fid >> 24) & 0x3f) == 0 || ((fid >> 24) & 0x3f) == 4) {
			ret = PSCI_RET_NOT_SUPPORTED;
			break;
		}
		return false;
	}
	ns->x[0] = (uint64_t)ret;
	return true;
}
