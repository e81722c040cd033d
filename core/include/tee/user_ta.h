/*
 * User-mode TAs: loading (LOAD_TA through the supplicant, signature check,
 * ELF mapping at a random address in a fresh address space), instances and
 * sessions, and running their entry points at S-EL0.
 */
#ifndef TEE_USER_TA_H
#define TEE_USER_TA_H

#include <kernel/fpu.h>
#include <kernel/thread.h>
#include <tee/pta.h>
#include <tee/session.h>

struct ta_instance;

/* What a thread records while it runs a TA entry (syscalls.c uses it). */
struct user_ctx {
	struct thread_regs save; /* for user_exit() */
	struct ta_instance *ta;
	bool panicked;
	uint32_t panic_code;
	uint32_t cancel_mask; /* GP: cancellation starts masked */
	const struct tee_identity *client; /* of the session being run */
	/* A TA calling another TA: the caller's entry, resumed afterwards. */
	struct user_ctx *caller;
	unsigned int depth; /* 1 for a TA called from the normal world */
	/* The TA's FP/SIMD registers while not in the CPU (tee/user_fp.c). */
	struct fpu_regs fp;
};

/* How deep TA-to-TA calls may nest on one thread (its stack is fixed). */
#define USER_TA_MAX_DEPTH 4

/* The saved registers of a TA at an exception (vectors.S layout). */
struct user_frame {
	uint64_t x[31];
	uint64_t sp_el0, elr, spsr;
};

TEE_Result user_ta_open_session(const uint8_t uuid[16],
				const struct tee_identity *client,
				uint32_t types, union tee_param p[4],
				void **session_ctx,
				uint32_t *origin);
/* Sessions of user TAs present themselves like pseudo TAs after opening. */
extern const struct pta user_ta_session_ops;

/* The address space of the TA running on this thread (syscall checks). */
const struct uspace *user_ta_current_uspace(void);
/* Where the running instance keeps its crypto state (tee/syscall_cryp.h). */
void **user_ta_current_cryp_state(void);
uint64_t user_ta_load_base(const struct ta_instance *ta);
/*
 * Whether [va, va + len) touches the running TA's parameter area: memory
 * the core fills for the TA's client (GP: not owned by the TA alone).
 */
bool user_ta_overlaps_client_memory(uint64_t va, uint64_t len);
/* The TA instance running on this thread, or NULL. */
struct ta_instance *user_ta_current(void);
/* The instance's UUID as octets (OPTEE_MSG order). */
const uint8_t *user_ta_uuid(const struct ta_instance *ta);
/* The instance's UUID in the usual text form (as in <uuid>.ta). */
void user_ta_uuid_str(const struct ta_instance *ta, char buf[37]);

/*
 * Ends the running TA entry as a panic (the instance is dead, its client
 * gets TEE_ERROR_TARGET_DEAD): for what GP says must panic the TA.
 */
void __attribute__((noreturn)) user_ta_kill_current(uint32_t code);

void __attribute__((noreturn)) user_exit(const struct thread_regs *save,
					 uint64_t value);

#endif
