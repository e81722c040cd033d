/*
 * The monitor's side of the monitor/core protocol: entering the core,
 * checking what it answers, and failing safe once it has died.
 */
#include <platform_config.h>
#include <rampart/arm64.h>
#include <rampart/monitor_core.h>
#include <rampart/plat.h>

#include "monitor.h"

static uint64_t core_entry_table; /* 0 until the core reports it */
static volatile bool core_dead;

bool core_is_alive(void)
{
	return core_entry_table && !core_dead;
}

struct gp_regs *core_enter(struct monitor_cpu *cpu, unsigned int entry,
			   enum core_op op, const uint64_t args[8])
{
	struct world_ctx *s = &cpu->world[WORLD_SECURE];

	for (int i = 0; i < 8; i++)
		s->gp.x[i] = args[i];
	s->gp.elr_el3 = op == CORE_OP_BOOT ? PLAT_CORE_BASE
					   : core_entry_table + 4ull * entry;
	s->gp.spsr_el3 = SPSR_MODE_EL1H | SPSR_DAIF_MASK;
	cpu->core_op = op;
	if (op == CORE_OP_BOOT || op == CORE_OP_CPU_ON) {
		/* A CPU coming up has no secure EL1 state worth keeping. */
		world_reset_el1(s);
		return world_start(cpu, WORLD_SECURE);
	}
	return world_switch(cpu, WORLD_SECURE);
}

struct gp_regs *enter_ns_fresh(struct monitor_cpu *cpu, uint64_t entry,
			       uint64_t x0)
{
	struct world_ctx *ns = &cpu->world[WORLD_NS];
	uint64_t runtime_sp = ns->gp.runtime_sp;

	for (unsigned int i = 0; i < sizeof(ns->gp) / 8; i++)
		((uint64_t *)&ns->gp)[i] = 0;
	ns->gp.runtime_sp = runtime_sp;
	ns->gp.x[0] = x0;
	ns->gp.elr_el3 = entry;
	ns->gp.spsr_el3 = SPSR_MODE_EL1H | SPSR_DAIF_MASK;
	world_reset_el1(ns);
	psci_mark_cpu_on(cpu->pos);
	cpu->core_op = CORE_OP_NONE;
	if (cpu->current == WORLD_NS)
		return world_start(cpu, WORLD_NS);
	return world_switch(cpu, WORLD_NS);
}

static bool entry_table_valid(uint64_t table)
{
	uint64_t end;

	return IS_ALIGNED(table, 4) &&
	       !ADD_OVERFLOW(table, 4ull * CORE_ENTRY_COUNT, &end) &&
	       table >= PLAT_CORE_BASE &&
	       end <= PLAT_CORE_BASE + PLAT_CORE_SIZE;
}

static const uint32_t expected_msg[] = {
	[CORE_OP_NONE] = 0,
	[CORE_OP_BOOT] = CORE_MSG_BOOT_DONE,
	[CORE_OP_CPU_ON] = CORE_MSG_CPU_ON_DONE,
	[CORE_OP_CALL] = CORE_MSG_CALL_DONE,
	[CORE_OP_CPU_OFF] = CORE_MSG_CPU_OFF_DONE,
	[CORE_OP_FIQ] = CORE_MSG_FIQ_DONE,
	[CORE_OP_SYSTEM_OFF] = CORE_MSG_SYSTEM_OFF_DONE,
	[CORE_OP_SYSTEM_RESET] = CORE_MSG_SYSTEM_RESET_DONE,
};

static void __attribute__((noreturn)) power_off_or_reset(enum core_op op)
{
	if (op == CORE_OP_SYSTEM_OFF) {
		mlog("system off");
		plat_system_off();
	} else {
		mlog("system reset");
		plat_system_reset();
	}
	monitor_wait_for_power_off();
}

void __attribute__((noreturn)) psci_cpu_off_finish(struct monitor_cpu *cpu);

/*
 * Completes the operation the core was doing on this CPU. @ok is false when
 * the core panicked or broke the protocol: the operation then completes in
 * the way that keeps the normal world running.
 */
static struct gp_regs *complete_op(struct monitor_cpu *cpu, struct gp_regs *s,
				   bool ok)
{
	enum core_op op = cpu->core_op;
	struct gp_regs *ns = &cpu->world[WORLD_NS].gp;

	cpu->core_op = CORE_OP_NONE;
	switch (op) {
	case CORE_OP_BOOT:
		if (ok)
			mlog("core booted, entry table at 0x%lx",
			     core_entry_table);
		mlog("entering normal world at 0x%lx, DTB 0x%lx",
		     (uint64_t)PLAT_NS_KERNEL_ADDR, (uint64_t)PLAT_NS_DTB_ADDR);
		return enter_ns_fresh(cpu, PLAT_NS_KERNEL_ADDR,
				      PLAT_NS_DTB_ADDR);
	case CORE_OP_CPU_ON:
		return enter_ns_fresh(cpu, cpu->ns_entry, cpu->ns_context_id);
	case CORE_OP_CALL:
		if (ok) {
			for (int i = 0; i < 4; i++)
				ns->x[i] = s->x[i + 1];
		} else {
			ns->x[0] = CORE_DEAD_RETURN;
		}
		return world_switch(cpu, WORLD_NS);
	case CORE_OP_FIQ:
		return world_switch(cpu, WORLD_NS);
	case CORE_OP_CPU_OFF:
		psci_cpu_off_finish(cpu);
	case CORE_OP_SYSTEM_OFF:
	case CORE_OP_SYSTEM_RESET:
		power_off_or_reset(op);
	case CORE_OP_NONE:
	default:
		break;
	}
	monitor_panic("core message with no operation in progress");
}

struct gp_regs *core_handle_message(struct monitor_cpu *cpu, struct gp_regs *s)
{
	uint32_t msg = (uint32_t)s->x[0];
	enum core_op op = cpu->core_op;

	if (op == CORE_OP_BOOT && msg == CORE_MSG_BOOT_DONE &&
	    entry_table_valid(s->x[1])) {
		core_entry_table = s->x[1];
		return complete_op(cpu, s, true);
	}
	if (op != CORE_OP_NONE && op != CORE_OP_BOOT &&
	    msg == expected_msg[op] && !core_dead)
		return complete_op(cpu, s, true);

	if (msg == CORE_MSG_PANIC)
		mlog("core panicked on cpu %u: Trusted OS calls now fail",
		     cpu->pos);
	else
		mlog("core broke the protocol on cpu %u (msg 0x%x, op %d): "
		     "Trusted OS calls now fail",
		     cpu->pos, msg, (int)op);
	core_dead = true;
	if (op == CORE_OP_NONE)
		monitor_panic("secure world running with no operation");
	return complete_op(cpu, s, false);
}
