/* Cold and warm boot of the monitor, EL3 set-up, logging. */
#include <drivers/gicv3_rdist.h>
#include <drivers/pl011.h>
#include <fdt_reader.h>
#include <fmt.h>
#include <platform_config.h>
#include <rampart/arm64.h>
#include <rampart/monitor_core.h>
#include <rampart/plat.h>
#include <stdarg.h>

#include "monitor.h"
#include "psci.h"

struct monitor_cpu monitor_cpus[PLAT_MAX_CPUS];
volatile uint64_t monitor_cpu_mailbox[PLAT_MAX_CPUS];
struct monitor_features monitor_features;

static volatile uint32_t log_lock;

static void lock_acquire(volatile uint32_t *l)
{
	while (__atomic_exchange_n(l, 1, __ATOMIC_ACQUIRE))
		;
}

static void lock_release(volatile uint32_t *l)
{
	__atomic_store_n(l, 0, __ATOMIC_RELEASE);
}

void mlog(const char *fmt, ...)
{
	char buf[160];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = fmt_vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(buf) - 1)
		n = sizeof(buf) - 1;
	lock_acquire(&log_lock);
	pl011_write(PLAT_SECURE_UART_BASE, "[mon] ", 6);
	pl011_write(PLAT_SECURE_UART_BASE, buf, (size_t)n);
	pl011_write(PLAT_SECURE_UART_BASE, "\n", 1);
	lock_release(&log_lock);
}

void monitor_panic(const char *why)
{
	mlog("PANIC on cpu %u: %s",
	     (unsigned int)plat_core_pos_by_mpidr(read_sysreg(mpidr_el1)), why);
	for (;;)
		wfi();
}

void monitor_wait_for_power_off(void)
{
	for (;;)
		wfi();
}

/* Called from the EL3 crash vector: a bug in the monitor itself. */
void monitor_crash(uint64_t esr, uint64_t elr, uint64_t far)
{
	mlog("EL3 exception: ESR=0x%lx ELR=0x%lx FAR=0x%lx", esr, elr, far);
	monitor_panic("unexpected exception at EL3");
}

void monitor_detect_features(void)
{
	uint64_t pfr0 = read_sysreg(id_aa64pfr0_el1);
	uint64_t pfr1 = read_sysreg(id_aa64pfr1_el1);
	uint64_t isar1 = read_sysreg(id_aa64isar1_el1);
	uint64_t isar2 = read_sysreg(S3_0_C0_C6_2); /* ID_AA64ISAR2_EL1 */

	monitor_features.sve = ID_AA64PFR0_SVE(pfr0) != 0;
	monitor_features.sme = ID_AA64PFR1_SME(pfr1) != 0;
	monitor_features.pauth =
		ID_AA64ISAR1_APA(isar1) || ID_AA64ISAR1_API(isar1) ||
		ID_AA64ISAR1_GPA(isar1) || ID_AA64ISAR1_GPI(isar1) ||
		ID_AA64ISAR2_APA3(isar2) || ID_AA64ISAR2_GPA3(isar2);
}

uint64_t monitor_scr_for(enum world w)
{
	/*
	 * Both worlds: AArch64 below EL3, S-EL1 may use the secure timer,
	 * no secure instruction fetch from NS memory (SIF), PAuth untrapped.
	 */
	uint64_t scr = SCR_RES1 | SCR_RW | SCR_ST | BIT(9) /* SIF */;

	if (monitor_features.pauth)
		scr |= SCR_API | SCR_APK;
	/*
	 * In the normal world, secure interrupts arrive as FIQ; take them
	 * to EL3 so the monitor can hand them to the core.
	 */
	if (w == WORLD_NS)
		scr |= SCR_NS | SCR_FIQ;
	return scr;
}

void monitor_el3_setup_cpu(void)
{
	uint64_t cptr = 0; /* no FP, trace or AMU traps */

	if (monitor_features.sve)
		cptr |= CPTR_EZ;
	if (monitor_features.sme)
		cptr |= CPTR_ESM;
	write_sysreg(cptr_el3, cptr);
	isb();
	/* Let lower ELs use the full vector length the CPU offers. */
	if (monitor_features.sve)
		write_sysreg(ZCR_EL3, 0xf);
	if (monitor_features.sme)
		write_sysreg(SMCR_EL3, 0xf);
	/* No PMU/debug traps for the normal world; secure debug disabled. */
	write_sysreg(mdcr_el3, BIT(16) /* SDD */);
	/* GICv3 system-register interface for every EL. */
	write_sysreg(ICC_SRE_EL3, 0xf);
	isb();
	write_sysreg(scr_el3, monitor_scr_for(WORLD_SECURE));
	isb();
}

static void init_cpu_contexts(struct monitor_cpu *cpu, unsigned int pos)
{
	cpu->pos = pos;
	write_sysreg(tpidr_el3, (uint64_t)cpu);
	cpu->core_op = CORE_OP_NONE;
	for (int w = 0; w < 2; w++) {
		struct world_ctx *ctx = &cpu->world[w];

		for (unsigned int i = 0; i < sizeof(ctx->gp) / 8; i++)
			((uint64_t *)&ctx->gp)[i] = 0;
		ctx->gp.runtime_sp =
			(uint64_t)(cpu->stack + sizeof(cpu->stack));
		ctx->scr_el3 = monitor_scr_for((enum world)w);
		world_reset_el1(ctx);
	}
}

/*
 * Parked CPUs sleep until GIC_WAKEUP_SGI: make it a Group 0 interrupt,
 * enabled at top priority, in every redistributor.
 */
static void prepare_wakeup_sgi(void)
{
	uint64_t end = PLAT_GICR_BASE + PLAT_GICR_SIZE;

	for (uint64_t rd = PLAT_GICR_BASE; rd; rd = gicv3_rdist_next(rd, end)) {
		uint64_t sgi = rd + GICR_SGI_OFFSET;

		gicv3_rdist_wake(rd);
		gic_write32(sgi + GICR_IGROUPR0,
			    gic_read32(sgi + GICR_IGROUPR0) &
				    ~(uint32_t)BIT(GIC_WAKEUP_SGI));
		gic_write32(sgi + GICR_IGRPMODR0,
			    gic_read32(sgi + GICR_IGRPMODR0) &
				    ~(uint32_t)BIT(GIC_WAKEUP_SGI));
		gic_write8(sgi + GICR_IPRIORITYR + GIC_WAKEUP_SGI, 0);
		gic_write32(sgi + GICR_ISENABLER0, BIT(GIC_WAKEUP_SGI));
	}
}

/*
 * Normal-world DRAM size from the device tree the loader placed for Linux;
 * both worlds' address checks depend on it.
 */
static uint64_t probe_ns_dram(void)
{
	uint64_t base, size;
	TEE_Result res = fdt_first_memory_range(
		(const void *)PLAT_NS_DTB_ADDR, PLAT_NS_DTB_MAX_SIZE, &base, &size);

	if (res || base != PLAT_NS_DRAM_BASE || plat_set_ns_dram_size(size)) {
		mlog("no usable /memory in the DTB (0x%x): assuming %lu MiB",
		     res, plat_ns_dram_size() >> 20);
		return plat_ns_dram_size();
	}
	mlog("normal-world DRAM: %lu MiB at 0x%lx", size >> 20, base);
	return size;
}

/* PSCI must refuse CPUs that are not there: count them in the DTB. */
static void probe_cpus(void)
{
	unsigned int n;
	TEE_Result res = fdt_count_cpus((const void *)PLAT_NS_DTB_ADDR,
					PLAT_NS_DTB_MAX_SIZE, &n);

	if (res || plat_set_cpu_count(n))
		mlog("cannot count CPUs in the DTB (0x%x): assuming %d", res,
		     PLAT_MAX_CPUS);
	else
		mlog("%u CPUs", n);
}

extern const uint8_t __core_image_start[], __core_image_end[];

void __attribute__((noreturn)) monitor_primary_main(void)
{
	struct monitor_cpu *cpu = &monitor_cpus[0];
	uint64_t args[8] = {0};
	size_t core_size = (size_t)(__core_image_end - __core_image_start);

	pl011_init(PLAT_SECURE_UART_BASE);
	monitor_detect_features();
	monitor_el3_setup_cpu();
	mlog("Rampart monitor, EL3; SVE %d SME %d PAuth %d",
	     monitor_features.sve, monitor_features.sme,
	     monitor_features.pauth);

	if (core_size > PLAT_CORE_SIZE)
		monitor_panic("core image larger than its region");
	/* The core image sits in flash after the monitor; copy it to secure
	 * RAM. */
	for (size_t i = 0; i < core_size; i++)
		((volatile uint8_t *)PLAT_CORE_BASE)[i] = __core_image_start[i];
	dsb_sy();

	prepare_wakeup_sgi();
	init_cpu_contexts(cpu, 0);
	psci_init_states();
	psci_mark_cpu_on(0);
	args[0] = 0; /* boot CPU's linear index */
	args[1] = probe_ns_dram();
	probe_cpus();
	monitor_enter_ctx(
		core_enter(cpu, (unsigned int)-1, CORE_OP_BOOT, args));
}

void __attribute__((noreturn)) monitor_secondary_main(uint64_t pos)
{
	struct monitor_cpu *cpu = &monitor_cpus[pos];
	uint64_t entry = cpu->ns_entry, ctx_id = cpu->ns_context_id;
	uint64_t args[8] = {pos};

	monitor_el3_setup_cpu();
	init_cpu_contexts(cpu, (unsigned int)pos);
	cpu->ns_entry = entry;
	cpu->ns_context_id = ctx_id;
	if (!core_is_alive())
		monitor_enter_ctx(enter_ns_fresh(cpu, entry, ctx_id));
	monitor_enter_ctx(
		core_enter(cpu, CORE_ENTRY_CPU_ON, CORE_OP_CPU_ON, args));
}
