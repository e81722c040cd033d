/*
 * Exceptions from TAs: system calls and faults. Every pointer a TA passes
 * is checked against its own mappings before the core touches it; a fault
 * or an unknown system call ends the TA instance, never the core.
 */
#include <crypto/crypto.h>
#include <drivers/secure_timer.h>
#include <kernel/log.h>
#include <kernel/user_access.h>
#include <mm/uspace.h>
#include <rampart/abi/utee.h>
#include <rampart/arm64.h>
#include <string.h>
#include <tee/rpc.h>
#include <tee/syscall_cryp.h>
#include <tee/ta_session_syscalls.h>
#include <tee/ta_time.h>
#include <tee/user_fp.h>
#include <tee/user_ta.h>

#define ACCESS_READ 0x1u
#define ACCESS_WRITE 0x2u
#define ACCESS_ANY_OWNER 0x4u
#define ACCESS_NONSECURE 0x10000000u /* OP-TEE extension */
#define ACCESS_SECURE 0x20000000u
#define LOG_MAX 256

void core_handle_irq(void);
void core_handle_foreign_fiq(void);

static struct user_ctx *ctx(void)
{
	return thread_current()->user;
}

static bool user_ok(uint64_t va, uint64_t len, bool write)
{
	return uspace_access_ok(user_ta_current_uspace(), va, len, write);
}

void __attribute__((noreturn)) user_ta_kill_current(uint32_t code)
{
	ctx()->panicked = true;
	ctx()->panic_code = code;
	user_exit(&ctx()->save, 0);
}

static TEE_Result sys_log(uint64_t va, uint64_t len)
{
	char buf[LOG_MAX + 1];

	if (len > LOG_MAX)
		len = LOG_MAX;
	if (!user_ok(va, len, false))
		return TEE_ERROR_ACCESS_DENIED;
	copy_from_user(buf, va, len);
	while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
		len--;
	buf[len] = '\0';
	core_log("%s", buf); /* libutee's trace prefix says it is a TA */
	return TEE_SUCCESS;
}

static TEE_Result sys_random(uint64_t va, uint64_t len)
{
	uint8_t chunk[64];

	if (!user_ok(va, len, true))
		return TEE_ERROR_ACCESS_DENIED;
	for (uint64_t done = 0; done < len; done += sizeof(chunk)) {
		size_t n =
			len - done < sizeof(chunk) ? len - done : sizeof(chunk);
		TEE_Result res = crypto_rng_read(chunk, n);

		if (res)
			return res;
		copy_to_user(va + done, chunk, n);
	}
	memset(chunk, 0, sizeof(chunk));
	return TEE_SUCCESS;
}

static TEE_Result sys_get_time(uint64_t kind, uint64_t va)
{
	struct utee_time t;

	if (!user_ok(va, sizeof(t), true))
		return TEE_ERROR_ACCESS_DENIED;
	if (kind == UTEE_TIME_SYSTEM) {
		uint64_t c = system_counter(), f = secure_timer_freq();

		t.seconds = (uint32_t)(c / f);
		t.millis = (uint32_t)((c % f) * 1000 / f);
	} else if (kind == UTEE_TIME_TA_PERSISTENT) {
		return ta_time_get(va);
	} else if (kind == UTEE_TIME_REE) {
		struct optee_msg_param m = {
			.attr = OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT};
		TEE_Result res = rpc_cmd(OPTEE_RPC_CMD_GET_TIME, 1, &m);

		if (res)
			return res;
		t.seconds = (uint32_t)m.u.value.a;
		t.millis = (uint32_t)(m.u.value.b / 1000000);
	} else {
		return TEE_ERROR_BAD_PARAMETERS;
	}
	copy_to_user(va, &t, sizeof(t));
	return TEE_SUCCESS;
}

static bool cancelled(void)
{
	return thread_current()->cancel_requested && !ctx()->cancel_mask;
}

static TEE_Result sys_wait(uint64_t ms)
{
	uint64_t end = system_counter() + secure_timer_freq() / 1000 * ms;

	while (system_counter() < end) {
		uint64_t left =
			(end - system_counter()) * 1000 / secure_timer_freq();
		struct optee_msg_param m = {
			.attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT,
			.u.value.a = left > 100 ? 100 : (left ? left : 1),
		};

		if (cancelled())
			return TEE_ERROR_CANCEL;
		if (rpc_cmd(OPTEE_RPC_CMD_SUSPEND, 1, &m))
			rpc_yield();
	}
	return TEE_SUCCESS;
}

static uint64_t syscall(struct user_frame *f)
{
	uint64_t *a = f->x;

	switch (a[8]) {
	case UTEE_SYS_RETURN:
		user_exit(&ctx()->save, (uint32_t)a[0]);
	case UTEE_SYS_LOG:
		return sys_log(a[0], a[1]);
	case UTEE_SYS_PANIC:
		core_log("TA called TEE_Panic(0x%lx)", a[0]);
		user_ta_kill_current((uint32_t)a[0]);
	case UTEE_SYS_GET_RANDOM:
		return sys_random(a[0], a[1]);
	case UTEE_SYS_GET_TIME:
		return sys_get_time(a[0], a[1]);
	case UTEE_SYS_WAIT:
		return sys_wait((uint32_t)a[0]);
	case UTEE_SYS_GET_CANCEL_FLAG:
		if (!user_ok(a[0], 4, true))
			return TEE_ERROR_ACCESS_DENIED;
		{
			uint32_t flag = cancelled();

			copy_to_user(a[0], &flag, sizeof(flag));
		}
		return TEE_SUCCESS;
	case UTEE_SYS_MASK_CANCEL:
		if (!user_ok(a[1], 4, true))
			return TEE_ERROR_ACCESS_DENIED;
		copy_to_user(a[1], &ctx()->cancel_mask, sizeof(uint32_t));
		ctx()->cancel_mask = (uint32_t)a[0];
		return TEE_SUCCESS;
	case UTEE_SYS_CHECK_ACCESS:
		if (a[0] &
		    ~(uint64_t)(ACCESS_READ | ACCESS_WRITE | ACCESS_ANY_OWNER |
				ACCESS_NONSECURE | ACCESS_SECURE))
			return TEE_ERROR_BAD_PARAMETERS;
		/* Everything a TA can address is secure memory (memrefs too).
		 */
		if (a[0] & ACCESS_NONSECURE)
			return TEE_ERROR_ACCESS_DENIED;
		/* GP: memory shared with the client needs ANY_OWNER. */
		if (!(a[0] & ACCESS_ANY_OWNER) &&
		    user_ta_overlaps_client_memory(a[1], a[2]))
			return TEE_ERROR_ACCESS_DENIED;
		return user_ok(a[1], a[2], a[0] & ACCESS_WRITE)
			       ? TEE_SUCCESS
			       : TEE_ERROR_ACCESS_DENIED;
	case UTEE_SYS_OPEN_TA_SESSION:
		return syscall_open_ta_session(a);
	case UTEE_SYS_CLOSE_TA_SESSION:
		return syscall_close_ta_session(a);
	case UTEE_SYS_INVOKE_TA_COMMAND:
		return syscall_invoke_ta_command(a);
	case UTEE_SYS_GET_CLIENT_ID:
		return syscall_get_client_id(a[0]);
	case UTEE_SYS_SET_TA_TIME:
		return ta_time_set(a[0]);
	default:
		if (a[8] >= UTEE_SYS_CRYP_FIRST && a[8] <= UTEE_SYS_CRYP_LAST)
			return syscall_cryp(a[8], a);
		core_log("TA made unknown system call %lu", a[8]);
		user_ta_kill_current(0xdead5c01);
	}
}

void user_sync_handler(struct user_frame *f)
{
	uint64_t esr = read_sysreg(esr_el1);

	if (!ctx())
		panic("exception from EL0 with no TA running");
	if (ESR_EC(esr) == ESR_EC_SVC64) {
		f->x[0] = syscall(f);
		return;
	}
	/* The instruction runs again; a trap it cannot explain is an abort. */
	if (ESR_EC(esr) == ESR_EC_FP_ACCESS && user_fp_trap(ctx()))
		return;
	{
		char uuid[37];
		uint64_t base = user_ta_load_base(ctx()->ta);

		user_ta_uuid_str(ctx()->ta, uuid);
		/* tools/symbolize_ta.sh turns this line into file:line. */
		core_log("TA abort: ESR=0x%lx ELR=0x%lx FAR=0x%lx (load base "
			 "0x%lx, offset 0x%lx) TA %s",
			 esr, f->elr, read_sysreg(far_el1), base, f->elr - base,
			 uuid);
	}
	user_ta_kill_current(0xdead0abe);
}

void user_irq_handler(struct user_frame *f)
{
	(void)f;
	core_handle_irq();
}

void user_fiq_handler(struct user_frame *f)
{
	(void)f;
	core_handle_foreign_fiq();
}

void user_serror_handler(struct user_frame *f)
{
	(void)f;
	core_log("SError while a TA ran");
	user_ta_kill_current(0xdead5e00);
}
