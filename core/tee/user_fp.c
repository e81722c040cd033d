/*
 * Lazy FP/SIMD switching for user-mode TAs. Per CPU, the registers hold
 * either the normal world's state (nothing saved yet) or the state of the
 * TA entry that owns them (the normal world's then sits in this CPU's
 * slot). Ownership never outlives the thread's stay on the CPU: leaving for
 * the normal world always puts the normal world's state back, so a thread
 * resumed elsewhere simply traps again and reloads its own.
 *
 * Everything here runs with interrupts masked: a foreign interrupt must not
 * make the thread leave (user_fp_leave_world) in the middle of a switch.
 */
#include <kernel/cpu.h>
#include <kernel/fpu.h>
#include <rampart/arm64.h>
#include <tee/user_fp.h>
#include <tee/user_ta.h>

#define CPACR_FPEN_SHIFT 20
#define CPACR_FPEN_MASK (3ull << CPACR_FPEN_SHIFT)
#define CPACR_FPEN_NO_TRAP (3ull << CPACR_FPEN_SHIFT)

struct cpu_fp {
	struct fpu_regs nw;	/* valid while nw_saved */
	bool nw_saved;		/* the registers hold no normal-world state */
	struct user_ctx *owner; /* whose state the registers hold, or NULL */
};

static struct cpu_fp cpu_fp[PLAT_MAX_CPUS];

static struct cpu_fp *this_cpu_fp(void)
{
	return &cpu_fp[this_core_cpu()->pos];
}

static uint64_t irqs_mask(void)
{
	uint64_t daif = read_sysreg(daif);

	__asm__ volatile("msr daifset, #3" ::: "memory");
	return daif;
}

static void irqs_restore(uint64_t daif)
{
	write_sysreg(daif, daif);
}

static void fp_access(bool on)
{
	uint64_t cpacr = read_sysreg(cpacr_el1) & ~CPACR_FPEN_MASK;

	write_sysreg(cpacr_el1, on ? cpacr | CPACR_FPEN_NO_TRAP : cpacr);
	isb();
}

bool user_fp_trap(struct user_ctx *uc)
{
	uint64_t daif = irqs_mask();
	struct cpu_fp *c = this_cpu_fp();

	if ((read_sysreg(cpacr_el1) & CPACR_FPEN_MASK) == CPACR_FPEN_NO_TRAP) {
		irqs_restore(daif);
		return false;
	}
	fp_access(true);
	if (c->owner != uc) {
		if (!c->nw_saved) {
			fpu_save(&c->nw);
			c->nw_saved = true;
		} else if (c->owner) {
			/* A calling TA on this thread: it reloads on its turn.
			 */
			fpu_save(&c->owner->fp);
		}
		fpu_load(&uc->fp);
		c->owner = uc;
	}
	irqs_restore(daif);
	return true;
}

void user_fp_entry_start(void)
{
	uint64_t daif = irqs_mask();

	/* A caller's registers stay in place until the callee traps. */
	fp_access(false);
	irqs_restore(daif);
}

void user_fp_entry_end(struct user_ctx *uc)
{
	uint64_t daif = irqs_mask();
	struct cpu_fp *c = this_cpu_fp();

	/*
	 * The entry's values stay in the registers until someone else's are
	 * loaded (a caller's, or the normal world's when the thread leaves):
	 * nobody reads them before that, since access traps from here on.
	 */
	if (c->owner == uc)
		c->owner = NULL;
	fp_access(false);
	irqs_restore(daif);
}

void user_fp_leave_world(bool resumable)
{
	uint64_t daif = irqs_mask();
	struct cpu_fp *c = this_cpu_fp();

	if (c->nw_saved) {
		fp_access(true);
		if (c->owner && resumable)
			fpu_save(&c->owner->fp);
		fpu_load(&c->nw);
		c->owner = NULL;
		c->nw_saved = false;
	}
	fp_access(false);
	irqs_restore(daif);
}

uint64_t fp_core_begin(void)
{
	uint64_t daif = irqs_mask();
	struct cpu_fp *c = this_cpu_fp();

	fp_access(true);
	if (!c->nw_saved) {
		fpu_save(&c->nw);
		c->nw_saved = true;
	} else if (c->owner) {
		fpu_save(&c->owner->fp);
	}
	/* Nobody's state is in the registers now: the next user reloads. */
	c->owner = NULL;
	return daif;
}

void fp_core_end(uint64_t state)
{
	fpu_clear(); /* round keys must not linger */
	fp_access(false);
	irqs_restore(state);
}

/* fpu_a64.S stores FPCR and FPSR right after the 32 Q registers. */
_Static_assert(__builtin_offsetof(struct fpu_regs, fpcr) == 512, "fpcr");
_Static_assert(__builtin_offsetof(struct fpu_regs, fpsr) == 520, "fpsr");
