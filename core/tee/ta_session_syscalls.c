/*
 * TA-to-TA sessions: a TA opens, invokes and closes sessions of other TAs
 * (or pseudo TAs) through the same session layer as normal-world clients.
 * Each call is decoded completely first (the parameter block and every
 * memref against the caller's own mappings, memref contents copied into
 * core buffers), then performed on this thread, where the callee runs
 * nested in its own address space. Only sizes, values and output data go
 * back, and only into memory the caller could write anyway.
 */
#include <kernel/log.h>
#include <kernel/user_access.h>
#include <mm/heap.h>
#include <mm/uspace.h>
#include <rampart/abi/utee.h>
#include <string.h>
#include <tee/session.h>
#include <tee/ta_session_syscalls.h>
#include <tee/user_ta.h>

struct ta_call {
	struct utee_params up; /* the caller's block, read once */
	struct tee_call_params cp;
	uint64_t va[TEE_NUM_PARAMS]; /* the caller's memref addresses */
};

static bool user_ok(uint64_t va, uint64_t len, bool write)
{
	return uspace_access_ok(user_ta_current_uspace(), va, len, write);
}

static bool is_memref(uint32_t t)
{
	return t >= TEE_PARAM_TYPE_MEMREF_INPUT &&
	       t <= TEE_PARAM_TYPE_MEMREF_INOUT;
}

static bool is_output(uint32_t t)
{
	return t == TEE_PARAM_TYPE_VALUE_OUTPUT ||
	       t == TEE_PARAM_TYPE_VALUE_INOUT ||
	       t == TEE_PARAM_TYPE_MEMREF_OUTPUT ||
	       t == TEE_PARAM_TYPE_MEMREF_INOUT;
}

static void call_release(struct ta_call *c)
{
	for (int i = 0; i < TEE_NUM_PARAMS; i++)
		if (is_memref(TEE_PARAM_TYPE_GET(c->cp.types, i)))
			free(c->cp.p[i].memref.buffer);
	free(c);
}

/*
 * Reads and validates the caller's parameter block at @p_va (0: none).
 * On success *out holds core copies of every input; on error nothing is
 * left allocated.
 */
static TEE_Result call_decode(uint64_t p_va, struct ta_call **out)
{
	struct ta_call *c = calloc(1, sizeof(*c));

	if (!c)
		return TEE_ERROR_OUT_OF_MEMORY;
	if (p_va) {
		if (!user_ok(p_va, sizeof(c->up), true)) {
			free(c);
			return TEE_ERROR_ACCESS_DENIED;
		}
		copy_from_user(&c->up, p_va, sizeof(c->up));
	}
	if (c->up.types > 0xffff) {
		free(c);
		return TEE_ERROR_BAD_PARAMETERS;
	}
	for (int i = 0; i < TEE_NUM_PARAMS; i++) {
		uint32_t t = TEE_PARAM_TYPE_GET(c->up.types, i);

		if (t == 4 || t > TEE_PARAM_TYPE_MEMREF_INOUT) {
			free(c);
			return TEE_ERROR_BAD_PARAMETERS;
		}
	}
	/* Types are set only now, so call_release() frees what exists. */
	for (int i = 0; i < TEE_NUM_PARAMS; i++) {
		uint32_t t = TEE_PARAM_TYPE_GET(c->up.types, i);
		uint64_t a = c->up.vals[2 * i], b = c->up.vals[2 * i + 1];
		void *buf;

		c->cp.types |= t << (4 * i);
		if (!is_memref(t)) {
			c->cp.p[i].value.a = (uint32_t)a;
			c->cp.p[i].value.b = (uint32_t)b;
			continue;
		}
		c->cp.p[i].memref.size = b;
		if (!a) /* NULL: a size query, as from a normal-world client */
			continue;
		if (b > TEE_PARAM_MAX_MEMREF || !user_ok(a, b, is_output(t))) {
			call_release(c);
			return b > TEE_PARAM_MAX_MEMREF
				       ? TEE_ERROR_BAD_PARAMETERS
				       : TEE_ERROR_ACCESS_DENIED;
		}
		/* Zeroed: an output buffer must not show the callee old data.
		 */
		buf = calloc(1, b ? b : 1);
		if (!buf) {
			call_release(c);
			return TEE_ERROR_OUT_OF_MEMORY;
		}
		if (t != TEE_PARAM_TYPE_MEMREF_OUTPUT)
			copy_from_user(buf, a, b);
		c->cp.p[i].memref.buffer = buf;
		c->va[i] = a;
	}
	*out = c;
	return TEE_SUCCESS;
}

/* Values and sizes back always, data only when the call succeeded. */
static void call_write_back(struct ta_call *c, uint64_t p_va, TEE_Result res)
{
	for (int i = 0; i < TEE_NUM_PARAMS; i++) {
		uint32_t t = TEE_PARAM_TYPE_GET(c->cp.types, i);
		uint64_t given = c->up.vals[2 * i + 1];

		if (!is_output(t))
			continue;
		if (!is_memref(t)) {
			c->up.vals[2 * i] = c->cp.p[i].value.a;
			c->up.vals[2 * i + 1] = c->cp.p[i].value.b;
			continue;
		}
		if (c->va[i] && res == TEE_SUCCESS) {
			uint64_t n = c->cp.p[i].memref.size;

			copy_to_user(c->va[i], c->cp.p[i].memref.buffer,
				     n < given ? n : given);
		}
		c->up.vals[2 * i + 1] = c->cp.p[i].memref.size;
	}
	if (p_va)
		copy_to_user(p_va, &c->up, sizeof(c->up));
}

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

/* TEE_UUID (native-endian leading fields) to and from message octets. */
static void uuid_to_octets(uint8_t oct[16], const uint8_t tee_uuid[16])
{
	uint32_t time_low;
	uint16_t mid, hi;

	memcpy(&time_low, tee_uuid, 4);
	memcpy(&mid, tee_uuid + 4, 2);
	memcpy(&hi, tee_uuid + 6, 2);
	oct[0] = (uint8_t)(time_low >> 24);
	oct[1] = (uint8_t)(time_low >> 16);
	oct[2] = (uint8_t)(time_low >> 8);
	oct[3] = (uint8_t)time_low;
	oct[4] = (uint8_t)(mid >> 8);
	oct[5] = (uint8_t)mid;
	oct[6] = (uint8_t)(hi >> 8);
	oct[7] = (uint8_t)hi;
	memcpy(oct + 8, tee_uuid + 8, 8);
}

static void uuid_from_octets(uint8_t tee_uuid[16], const uint8_t oct[16])
{
	uint32_t time_low = be32(oct);
	uint16_t mid = (uint16_t)(oct[4] << 8 | oct[5]);
	uint16_t hi = (uint16_t)(oct[6] << 8 | oct[7]);

	memcpy(tee_uuid, &time_low, 4);
	memcpy(tee_uuid + 4, &mid, 2);
	memcpy(tee_uuid + 6, &hi, 2);
	memcpy(tee_uuid + 8, oct + 8, 8);
}

/* GP: a session handle the TA does not hold is a reason to panic it. */
static void check_session_handle(uint32_t id)
{
	if (!session_exists(id, user_ta_current())) {
		core_log("TA used TA session handle %u it does not hold", id);
		user_ta_kill_current(TEE_ERROR_BAD_PARAMETERS);
	}
}

static void put_origin(uint64_t va, uint32_t origin)
{
	if (va)
		copy_to_user(va, &origin, sizeof(origin));
}

/* (uuid, timeout, params, session out, origin out) */
TEE_Result syscall_open_ta_session(const uint64_t a[6])
{
	struct user_ctx *uc = thread_current()->user;
	struct tee_identity client = {.login = TEE_LOGIN_TRUSTED_APP};
	uint8_t raw[16], uuid[16];
	uint32_t origin = TEE_ORIGIN_TEE, id = 0;
	struct ta_call *c;
	TEE_Result res;

	if (!user_ok(a[0], sizeof(raw), false) ||
	    !user_ok(a[3], sizeof(id), true) ||
	    (a[4] && !user_ok(a[4], sizeof(origin), true)))
		return TEE_ERROR_ACCESS_DENIED;
	copy_from_user(raw, a[0], sizeof(raw));
	uuid_to_octets(uuid, raw);
	memcpy(client.uuid, user_ta_uuid(uc->ta), sizeof(client.uuid));
	if (uc->depth >= USER_TA_MAX_DEPTH) {
		core_log("TA-to-TA calls nested deeper than %d: refused",
			 USER_TA_MAX_DEPTH);
		res = TEE_ERROR_BUSY;
	} else {
		res = call_decode(a[2], &c);
		if (!res) {
			res = session_open(uuid, &client, uc->ta, &c->cp, &id,
					   &origin);
			call_write_back(c, a[2], res);
			call_release(c);
		}
	}
	copy_to_user(a[3], &id, sizeof(id));
	put_origin(a[4], origin);
	return res;
}

/* (session) */
TEE_Result syscall_close_ta_session(const uint64_t a[6])
{
	uint32_t id = (uint32_t)a[0];

	check_session_handle(id);
	return session_close(id, user_ta_current());
}

/* (session, timeout, cmd, params, origin out) */
TEE_Result syscall_invoke_ta_command(const uint64_t a[6])
{
	uint32_t id = (uint32_t)a[0], origin = TEE_ORIGIN_TEE;
	struct ta_call *c;
	TEE_Result res;

	if (a[4] && !user_ok(a[4], sizeof(origin), true))
		return TEE_ERROR_ACCESS_DENIED;
	check_session_handle(id);
	res = call_decode(a[3], &c);
	if (!res) {
		res = session_invoke(id, user_ta_current(), (uint32_t)a[2],
				     &c->cp, &origin);
		call_write_back(c, a[3], res);
		call_release(c);
	}
	put_origin(a[4], origin);
	return res;
}

TEE_Result syscall_get_client_id(uint64_t va)
{
	const struct tee_identity *client = thread_current()->user->client;
	struct utee_identity id = {0};

	if (!user_ok(va, sizeof(id), true))
		return TEE_ERROR_ACCESS_DENIED;
	if (!client) /* TA_DestroyEntryPoint has no session */
		return TEE_ERROR_ITEM_NOT_FOUND;
	id.login = client->login;
	uuid_from_octets(id.uuid, client->uuid);
	copy_to_user(va, &id, sizeof(id));
	return TEE_SUCCESS;
}
