/*
 * FP/SIMD for user-mode TAs, switched lazily (tee/user_fp.c). The core
 * keeps CPACR_EL1.FPEN trapping while no TA's FP/SIMD state is in a CPU's
 * registers; a TA's first FP/SIMD instruction in an entry traps, and only
 * then is the normal world's state (or a calling TA's) set aside.
 *
 * Invariant: whenever a CPU runs the normal world, its V0-V31, FPCR and
 * FPSR hold the normal world's values.
 */
#ifndef TEE_USER_FP_H
#define TEE_USER_FP_H

#include <rampart/types.h>

/* ESR_EL1.EC of an FP/SIMD access trapped by CPACR_EL1.FPEN. */
#define ESR_EC_FP_ACCESS 0x07

struct user_ctx;

/*
 * A trapped FP/SIMD access by @uc's TA: gives it its registers. False if
 * access was not trapped (then the instruction would only trap again).
 */
bool user_fp_trap(struct user_ctx *uc);
/* Before entering a TA entry point: it gets no one else's registers. */
void user_fp_entry_start(void);
/* After @uc's entry returned (its user_ctx is about to vanish). */
void user_fp_entry_end(struct user_ctx *uc);
/*
 * The thread is leaving this CPU for the normal world: the owning TA's
 * registers are kept in its user_ctx if it will be resumed (@resumable),
 * and the normal world's are put back.
 */
void user_fp_leave_world(bool resumable);

/*
 * A section where the core itself uses FP/SIMD (the crypto extension):
 * whoever's registers are live is saved first, interrupts stay masked until
 * fp_core_end (so the thread cannot leave the CPU meanwhile), and the
 * registers are cleared at the end. Keep sections short. Returns what
 * fp_core_end restores.
 */
uint64_t fp_core_begin(void);
void fp_core_end(uint64_t state);

#endif
