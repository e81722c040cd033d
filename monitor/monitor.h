/* Monitor-internal declarations. */
#ifndef MONITOR_MONITOR_H
#define MONITOR_MONITOR_H

#include <rampart/types.h>

#include "context.h"

struct monitor_features {
	bool sve;
	bool sme;
	bool pauth;
};
extern struct monitor_features monitor_features;

/* Mailboxes read by parked CPUs (entry.S): the address to jump to. */
extern volatile uint64_t monitor_cpu_mailbox[];

void mlog(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void __attribute__((noreturn)) monitor_panic(const char *why);
/* After a power request: the platform acts on it asynchronously. */
void __attribute__((noreturn)) monitor_wait_for_power_off(void);

void monitor_detect_features(void);
void monitor_el3_setup_cpu(void);
uint64_t monitor_scr_for(enum world w);

/* Core lifecycle (core_link.c). */
bool core_is_alive(void);
struct gp_regs *core_enter(struct monitor_cpu *cpu, unsigned int entry,
			   enum core_op op, const uint64_t args[8]);
struct gp_regs *core_handle_message(struct monitor_cpu *cpu, struct gp_regs *s);
struct gp_regs *enter_ns_fresh(struct monitor_cpu *cpu, uint64_t entry,
			       uint64_t x0);

/* PSCI and SMCCC architecture calls (psci.c); true if @fid was one. */
bool psci_handle(struct monitor_cpu *cpu, struct gp_regs *ns,
		 struct gp_regs **next);
void psci_mark_cpu_on(unsigned int pos);

void __attribute__((noreturn)) monitor_park_cpu(uint64_t pos);
void monitor_warm_entry(void);

#endif
