/*
 * Core bring-up on each CPU and the power-management entries the monitor
 * calls. Each CPU proves its vectors, GIC and secure timer work by taking
 * one secure timer interrupt before it reports itself up.
 */
#include <crypto/crypto.h>
#include <drivers/gic.h>
#include <drivers/secure_timer.h>
#include <kernel/cpu.h>
#include <kernel/log.h>
#include <kernel/user_access.h>
#include <kernel/thread.h>
#include <rampart/plat.h>

void core_heap_init(void);
#include <mm/core_mmu.h>
#include <mm/uspace.h>
#include <platform_config.h>
#include <rampart/arm64.h>

struct core_cpu core_cpus[PLAT_MAX_CPUS];
uint8_t core_stacks[PLAT_MAX_CPUS][CORE_STACK_SIZE]
	__attribute__((aligned(16)));

extern const uint8_t core_vectors[];

static void check_secure_timer(struct core_cpu *cpu)
{
	uint32_t before = cpu->secure_timer_ticks;

	/* 1 ms: long enough to be a real timer event, short for boot. */
	secure_timer_arm(secure_timer_freq() / 1000);
	__asm__ volatile("msr daifclr, #2" ::: "memory"); /* IRQ only */
	while (cpu->secure_timer_ticks == before)
		wfi();
	__asm__ volatile("msr daifset, #2" ::: "memory");
}

static void init_this_cpu(unsigned int pos)
{
	struct core_cpu *cpu = &core_cpus[pos];
	TEE_Result res;

	cpu->pos = pos;
	cpu->stack_top = (uint64_t)(core_stacks[pos] + CORE_STACK_SIZE);
	write_sysreg(tpidr_el1, cpu);
	write_sysreg(vbar_el1, core_vectors);
	/* FP/SIMD traps: the secure world never touches the normal world's. */
	write_sysreg(cpacr_el1, 0);
	isb();
	core_mmu_enable_this_cpu();
	res = gic_init_cpu(PLAT_SECURE_TIMER_INTID);
	if (res)
		panic("no GIC redistributor for cpu %u", pos);
	check_secure_timer(cpu);
	core_log("cpu %u initialised: MMU on, GICv3 redistributor up, "
		 "secure timer tick %u, PAN %s",
		 pos, cpu->secure_timer_ticks,
		 user_access_init_cpu() ? "on" : "not available");
	uspace_init_cpu(); /* SCTLR_EL1 BT0, EnIA..EnDB for TAs */
}

void core_boot_primary(unsigned int pos, uint64_t ns_dram_size)
{
	TEE_Result res;

	log_init();
	core_log("Rampart Trusted OS core starting on cpu %u", pos);
	if (plat_set_ns_dram_size(ns_dram_size))
		core_log("bad normal-world DRAM size 0x%lx from the monitor, "
		     "assuming the maximum",
		     ns_dram_size);
	if (pos >= PLAT_MAX_CPUS)
		panic("boot cpu index %u out of range", pos);
	res = core_mmu_build_tables();
	if (res)
		panic("building the core's translation tables failed: 0x%x",
		      res);
	res = core_mmu_verify_wxn();
	if (res)
		panic("core image mapping is not W^X: 0x%x", res);
	gic_init_distributor();
	init_this_cpu(pos);
	core_heap_init();
	res = crypto_init();
	if (res)
		panic("crypto_init failed: 0x%x", res);
	thread_init();
	core_log("normal-world DRAM: %lu MiB; %u secure threads",
	     plat_ns_dram_size() >> 20, thread_count());
}

void core_cpu_on(unsigned int pos)
{
	if (pos >= PLAT_MAX_CPUS)
		panic("cpu index %u out of range", pos);
	init_this_cpu(pos);
}

void core_cpu_off(void)
{
	secure_timer_disarm();
	core_log("cpu %u going off", this_core_cpu()->pos);
}

void core_system_off(void)
{
	core_log("system off requested");
}

void core_system_reset(void)
{
	core_log("system reset requested");
}
