/*
 * The one contract between the EL3 monitor and the S-EL1 core.
 *
 * The core never returns from an entry: it finishes by issuing an SMC with
 * one of the CORE_MSG_* codes in x0. The monitor enters the core at
 * core_vectors + 4 * CORE_ENTRY_*, with the arguments listed per entry.
 */
#ifndef RAMPART_MONITOR_CORE_H
#define RAMPART_MONITOR_CORE_H

/* Entry slots in the table the core reports with CORE_MSG_BOOT_DONE. */
#define CORE_ENTRY_STD_SMC 0	/* x0..x7 = normal world's SMC arguments */
#define CORE_ENTRY_FAST_SMC 1	/* x0..x7 = normal world's SMC arguments */
#define CORE_ENTRY_CPU_ON 2	/* x0 = linear CPU index */
#define CORE_ENTRY_CPU_OFF 3	/* no arguments */
#define CORE_ENTRY_FIQ 4	/* secure interrupt taken in the normal world */
#define CORE_ENTRY_SYSTEM_OFF 5 /* no arguments */
#define CORE_ENTRY_SYSTEM_RESET 6 /* no arguments */
#define CORE_ENTRY_COUNT 7

/*
 * Messages from the core (x0 of its SMC). The Trusted OS range of the
 * SMC Calling Convention (owner 62, fast, SMC64) is used so the values
 * can never collide with a normal-world function ID routed to the core.
 */
#define CORE_MSG_BASE 0xFE000000u
#define CORE_MSG_BOOT_DONE (CORE_MSG_BASE + 0)	  /* x1 = entry table address */
#define CORE_MSG_CALL_DONE (CORE_MSG_BASE + 1)	  /* x1..x4 = NS x0..x3 */
#define CORE_MSG_CPU_ON_DONE (CORE_MSG_BASE + 2)  /* none */
#define CORE_MSG_CPU_OFF_DONE (CORE_MSG_BASE + 3) /* none */
#define CORE_MSG_FIQ_DONE (CORE_MSG_BASE + 4)	  /* none */
#define CORE_MSG_SYSTEM_OFF_DONE (CORE_MSG_BASE + 5)
#define CORE_MSG_SYSTEM_RESET_DONE (CORE_MSG_BASE + 6)
#define CORE_MSG_PANIC (CORE_MSG_BASE + 7) /* core is dead from now on */

/*
 * Boot entry: the monitor enters the core's image base at S-EL1 with the
 * MMU off, x0 = linear index of the boot CPU, x1 = size of normal-world
 * DRAM in bytes (from the boot device tree).
 */

/* What the normal world gets back for a Trusted OS call when the core is dead.
 */
#define CORE_DEAD_RETURN 0xFFFFFFFFu

#endif
