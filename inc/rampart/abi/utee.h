/*
 * The contract between the core and user-mode TAs (S-EL0): how the core
 * enters a TA and the system calls a TA makes. The only header TA-side code
 * (lib/libutee, the dev kit) shares with the core.
 *
 * Entry: the core erets to the ELF entry point (`__ta_entry`) with
 *   x0 = UTEE_ENTRY_*, x1 = session id (per instance),
 *   x2 = pointer to a struct utee_params in TA memory (or 0),
 *   x3 = command id (INVOKE only),
 * sp = top of the TA stack (16-byte aligned). The TA never returns from
 * __ta_entry: it ends with the RETURN system call.
 *
 * System calls: `svc #0`, number in x8, arguments in x0..x5, result in x0.
 * Every pointer argument is checked by the core against the calling TA's
 * own mappings; a bad one gives TEE_ERROR_ACCESS_DENIED (never a fault in
 * the core).
 */
#ifndef RAMPART_ABI_UTEE_H
#define RAMPART_ABI_UTEE_H

#include <stdint.h>

#define UTEE_ENTRY_OPEN_SESSION 0
#define UTEE_ENTRY_CLOSE_SESSION 1
#define UTEE_ENTRY_INVOKE_COMMAND 2
#define UTEE_ENTRY_DESTROY 3 /* instance goes away: TA_DestroyEntryPoint */

/*
 * Parameters: types as TEE_PARAM_TYPES(); vals[2i], vals[2i+1] are value
 * a, b or memref buffer, size. Memref buffers are TA addresses valid only
 * for the duration of the entry. On return the TA has written output values
 * and sizes back into the same structure.
 */
struct utee_params {
	uint64_t types;
	uint64_t vals[8];
};

/* TEE_Time as the GP API defines it. */
struct utee_time {
	uint32_t seconds;
	uint32_t millis;
};

#define UTEE_SYS_RETURN 0          /* (TEE_Result) -> does not return */
#define UTEE_SYS_LOG 1             /* (const char *buf, size_t len) */
#define UTEE_SYS_PANIC 2           /* (uint32_t code) -> does not return */
#define UTEE_SYS_GET_RANDOM 3      /* (void *buf, size_t len) */
#define UTEE_SYS_GET_TIME 4        /* (uint32_t kind, struct utee_time *) */
#define UTEE_SYS_WAIT 5            /* (uint32_t ms) -> SUCCESS / CANCEL */
#define UTEE_SYS_GET_CANCEL_FLAG 6 /* (uint32_t *flag) */
#define UTEE_SYS_MASK_CANCEL 7     /* (uint32_t mask, uint32_t *old_mask) */
#define UTEE_SYS_CHECK_ACCESS 8    /* (uint32_t flags, uaddr, size_t len) */
/*
 * TA-to-TA sessions. Memrefs in @p point into the caller's own memory; the
 * core copies them for the callee and back. Session handles are the core's
 * and only valid for the instance that opened them.
 *   OPEN   (const uint8_t uuid[16] (TEE_UUID layout), uint32_t timeout,
 *           struct utee_params *p, uint32_t *session, uint32_t *origin)
 *   CLOSE  (uint32_t session)
 *   INVOKE (uint32_t session, uint32_t timeout, uint32_t cmd,
 *           struct utee_params *p, uint32_t *origin)
 */
#define UTEE_SYS_OPEN_TA_SESSION 9
#define UTEE_SYS_CLOSE_TA_SESSION 10
#define UTEE_SYS_INVOKE_TA_COMMAND 11
#define UTEE_SYS_GET_CLIENT_ID 12 /* (struct utee_identity *) */
#define UTEE_SYS_SET_TA_TIME 13   /* (const struct utee_time *) */
#define UTEE_SYS_COUNT 14

/*
 * Cryptographic objects and operations (GP chapters 5-6) use numbers
 * UTEE_SYS_CRYP_FIRST..UTEE_SYS_CRYP_LAST; see rampart/abi/utee_cryp.h.
 */
#define UTEE_SYS_CRYP_FIRST 32
#define UTEE_SYS_CRYP_LAST 127

#define UTEE_TIME_SYSTEM 0        /* monotonic since boot */
#define UTEE_TIME_REE 1           /* the normal world's wall clock */
#define UTEE_TIME_TA_PERSISTENT 2 /* per-TA offset, set by SET_TA_TIME */

/* The client of the current session: TEE_Identity's layout. */
struct utee_identity {
	uint32_t login;   /* TEE_LOGIN_* */
	uint8_t uuid[16]; /* TEE_UUID layout, native endian first fields */
};

/* ta_head, at the start of the TA's first loadable segment (offset 0). */
struct utee_ta_head {
	uint32_t uuid_time_low; /* TEE_UUID, native endian */
	uint16_t uuid_time_mid;
	uint16_t uuid_time_hi_and_version;
	uint8_t uuid_clock_seq_and_node[8];
	uint32_t stack_size;
	uint32_t flags;
	uint64_t depr_entry; /* UINT64_MAX */
};

#endif
