/*
 * gp13_ta: exercises the dev kit in GP 1.3 mode (see include/gp13_ta.h):
 * size_t memref sizes written back to the client (including the
 * SHORT_BUFFER protocol), the heap, random numbers, properties, time and
 * traces; the check suites of checks.h, API misuse (misuse.c), instance
 * data, TA persistent time, the client identity and cancellation.
 */
#include <string.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>

#include <gp13_ta.h>

#include "checks.h"
#include "mem_checks.h"
#include "misuse.h"

_Static_assert(sizeof(((TEE_Param *)0)->memref.size) == sizeof(size_t),
	       "GP 1.3 mode: memref sizes are size_t");

TEE_Result TA_CreateEntryPoint(void)
{
	DMSG("instance created");
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
	DMSG("instance destroyed");
}

TEE_Result TA_OpenSessionEntryPoint(uint32_t param_types,
				    TEE_Param params[TEE_NUM_PARAMS],
				    void **sess_ctx)
{
	*sess_ctx = NULL;
	if (param_types == TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT,
					   TEE_PARAM_TYPE_NONE,
					   TEE_PARAM_TYPE_NONE,
					   TEE_PARAM_TYPE_NONE) &&
	    params[0].value.a == GP13_OPEN_PANIC)
		TEE_Panic(GP13_OPEN_PANIC);
	IMSG("session opened (param types %#x)", (unsigned int)param_types);
	return TEE_SUCCESS;
}

void TA_CloseSessionEntryPoint(void *sess_ctx)
{
	(void)sess_ctx;
	IMSG("session closed");
}

static TEE_Result cmd_reverse(uint32_t pt, TEE_Param p[TEE_NUM_PARAMS])
{
	size_t n = p[0].memref.size;
	const uint8_t *in = p[0].memref.buffer;
	uint8_t *out = p[1].memref.buffer;
	uint8_t *tmp;

	if (pt != TEE_PARAM_TYPES(TEE_PARAM_TYPE_MEMREF_INPUT,
				  TEE_PARAM_TYPE_MEMREF_OUTPUT,
				  TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	if (!out || p[1].memref.size < n) {
		DMSG("need %zu bytes, have %zu", n, p[1].memref.size);
		p[1].memref.size = n;
		return TEE_ERROR_SHORT_BUFFER;
	}
	/* Through the heap, so input and output may overlap. */
	tmp = TEE_Malloc(n, TEE_MALLOC_NO_FILL);
	if (!tmp && n)
		return TEE_ERROR_OUT_OF_MEMORY;
	for (size_t i = 0; i < n; i++)
		tmp[i] = in[n - 1 - i];
	TEE_MemMove(out, tmp, n);
	TEE_Free(tmp);
	p[1].memref.size = n;
	return TEE_SUCCESS;
}

static TEE_Result cmd_random(uint32_t pt, TEE_Param p[TEE_NUM_PARAMS])
{
	if (pt != TEE_PARAM_TYPES(TEE_PARAM_TYPE_MEMREF_OUTPUT,
				  TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE,
				  TEE_PARAM_TYPE_NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	TEE_GenerateRandom(p[0].memref.buffer, p[0].memref.size);
	DMSG("%zu random bytes", p[0].memref.size);
	return TEE_SUCCESS;
}

static TEE_Result cmd_heap(uint32_t pt, TEE_Param p[TEE_NUM_PARAMS])
{
	uint32_t passed = 0, run = 0;

	if (pt != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT,
				  TEE_PARAM_TYPE_VALUE_OUTPUT,
				  TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE) ||
	    !p[0].value.a || p[0].value.a > 8192)
		return TEE_ERROR_BAD_PARAMETERS;
	gp13_heap_checks(p[0].value.a, &passed, &run);
	p[1].value.a = passed;
	p[1].value.b = run;
	IMSG("heap checks: %" PRIu32 "/%" PRIu32 " passed", passed, run);
	return passed == run ? TEE_SUCCESS : TEE_ERROR_GENERIC;
}

static TEE_Result cmd_props(uint32_t pt, TEE_Param p[TEE_NUM_PARAMS])
{
	const TEE_UUID me = GP13_TA_UUID;
	TEE_UUID uuid;
	uint32_t data_size = 0;
	char desc[64];
	size_t desc_len = sizeof(desc);
	TEE_Result res;

	if (pt != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_OUTPUT,
				  TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE,
				  TEE_PARAM_TYPE_NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	res = TEE_GetPropertyAsU32(TEE_PROPSET_CURRENT_TA, "gpd.ta.dataSize",
				   &data_size);
	if (res != TEE_SUCCESS)
		return res;
	res = TEE_GetPropertyAsUUID(TEE_PROPSET_CURRENT_TA, "gpd.ta.appID",
				    &uuid);
	if (res != TEE_SUCCESS)
		return res;
	res = TEE_GetPropertyAsString(TEE_PROPSET_CURRENT_TA,
				      "gpd.ta.description", desc, &desc_len);
	if (res != TEE_SUCCESS)
		return res;
	DMSG("description '%s' (%zu bytes)", desc, desc_len);
	p[0].value.a = data_size;
	p[0].value.b = !TEE_MemCompare(&uuid, &me, sizeof(me));
	return TEE_SUCCESS;
}

static void (*const suites[GP13_SUITE_COUNT])(struct checks *) = {
	[GP13_SUITE_PROPS_TA] = gp13_props_ta_checks,
	[GP13_SUITE_PROPS_TEE] = gp13_props_tee_checks,
	[GP13_SUITE_PROPS_CLIENT] = gp13_props_client_checks,
	[GP13_SUITE_PROP_ENUM] = gp13_prop_enum_checks,
	[GP13_SUITE_PROP_CONVERT] = gp13_prop_convert_checks,
	[GP13_SUITE_MEM_ACCESS] = gp13_mem_access_checks,
	[GP13_SUITE_MEM_API] = gp13_mem_api_checks,
	[GP13_SUITE_CANCEL_MASK] = gp13_cancel_mask_checks,
	[GP13_SUITE_RANDOM] = gp13_random_checks,
	[GP13_SUITE_RAW_SYSCALLS] = gp13_raw_syscall_checks,
	[GP13_SUITE_TIME] = gp13_time_checks,
};

/* The first failure's text into a client buffer, the size written back. */
static void report_first(const struct checks *c, TEE_Param *p)
{
	size_t n = strlen(c->first) + 1;

	if (p->memref.buffer && p->memref.size >= n)
		TEE_MemMove(p->memref.buffer, c->first, n);
	p->memref.size = c->first[0] ? n : 0;
}

static TEE_Result cmd_checks(uint32_t pt, TEE_Param p[TEE_NUM_PARAMS])
{
	static struct checks c; /* off the 4 KiB stack */

	if (pt != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT,
				  TEE_PARAM_TYPE_VALUE_OUTPUT,
				  TEE_PARAM_TYPE_MEMREF_OUTPUT,
				  TEE_PARAM_TYPE_NONE) ||
	    p[0].value.a >= GP13_SUITE_COUNT)
		return TEE_ERROR_BAD_PARAMETERS;
	memset(&c, 0, sizeof(c));
	suites[p[0].value.a](&c);
	p[1].value.a = c.passed;
	p[1].value.b = c.run;
	report_first(&c, &p[2]);
	IMSG("suite %u: %u/%u checks passed", (unsigned int)p[0].value.a,
	     (unsigned int)c.passed, (unsigned int)c.run);
	/* The counts say how it went; only a success carries the text back. */
	return TEE_SUCCESS;
}

static TEE_Result cmd_memref_access(uint32_t pt, TEE_Param p[TEE_NUM_PARAMS])
{
	static struct checks c;

	if (pt != TEE_PARAM_TYPES(TEE_PARAM_TYPE_MEMREF_INPUT,
				  TEE_PARAM_TYPE_MEMREF_OUTPUT,
				  TEE_PARAM_TYPE_VALUE_OUTPUT,
				  TEE_PARAM_TYPE_NONE) ||
	    p[0].memref.size < 100 || p[1].memref.size < 100 ||
	    p[1].memref.size > 4096)
		return TEE_ERROR_BAD_PARAMETERS;
	memset(&c, 0, sizeof(c));
	gp13_memref_access_checks(&c, p[0].memref.buffer, p[0].memref.size,
				  p[1].memref.buffer, p[1].memref.size);
	p[2].value.a = c.passed;
	p[2].value.b = c.run;
	report_first(&c, &p[1]);
	return TEE_SUCCESS;
}

static TEE_Result cmd_instance_data(uint32_t pt, TEE_Param p[TEE_NUM_PARAMS])
{
	const uint32_t *d = TEE_GetInstanceData();
	uint32_t *n;

	if (pt != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT,
				  TEE_PARAM_TYPE_VALUE_OUTPUT,
				  TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	switch (p[0].value.a) {
	case GP13_IDATA_GET:
		break;
	case GP13_IDATA_SET:
		n = TEE_Malloc(sizeof(*n), TEE_MALLOC_FILL_ZERO);
		if (!n)
			return TEE_ERROR_OUT_OF_MEMORY;
		*n = p[0].value.b;
		TEE_Free((void *)d);
		TEE_SetInstanceData(n);
		break;
	case GP13_IDATA_CLEAR:
		TEE_Free((void *)d);
		TEE_SetInstanceData(NULL);
		break;
	default:
		return TEE_ERROR_BAD_PARAMETERS;
	}
	d = TEE_GetInstanceData();
	p[1].value.a = d != NULL;
	p[1].value.b = d ? *d : 0;
	return TEE_SUCCESS;
}

static TEE_Result cmd_ta_time(uint32_t pt, TEE_Param p[TEE_NUM_PARAMS])
{
	TEE_Time t = {p[0].value.b, p[1].value.a};
	TEE_Result res = TEE_SUCCESS;

	if (pt != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT,
				  TEE_PARAM_TYPE_VALUE_INOUT,
				  TEE_PARAM_TYPE_VALUE_OUTPUT,
				  TEE_PARAM_TYPE_NONE) ||
	    p[1].value.a >= 1000) /* GP13_MISUSE_SET_TIME_MILLIS does that */
		return TEE_ERROR_BAD_PARAMETERS;
	switch (p[0].value.a) {
	case GP13_TIME_GET:
		break;
	case GP13_TIME_SET:
		res = TEE_SetTAPersistentTime(&t);
		break;
	case GP13_TIME_WRAP:
		t.seconds = UINT32_MAX;
		t.millis = 999;
		res = TEE_SetTAPersistentTime(&t);
		/* At least 10 ms pass: the seconds no longer fit. */
		if (res == TEE_SUCCESS)
			res = TEE_Wait(10);
		break;
	default:
		return TEE_ERROR_BAD_PARAMETERS;
	}
	if (res == TEE_SUCCESS) {
		t.seconds = t.millis = 0xdead;
		res = TEE_GetTAPersistentTime(&t);
	}
	p[1].value.a = t.seconds;
	p[1].value.b = t.millis;
	p[2].value.a = res;
	return TEE_SUCCESS;
}

static TEE_Result cmd_client_id(uint32_t pt, TEE_Param p[TEE_NUM_PARAMS])
{
	TEE_Identity id;
	uint8_t *o = p[1].memref.buffer;
	const TEE_UUID *u = &id.uuid;
	size_t len = p[2].memref.size;
	TEE_Result res;

	if (pt != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_OUTPUT,
				  TEE_PARAM_TYPE_MEMREF_OUTPUT,
				  TEE_PARAM_TYPE_MEMREF_OUTPUT,
				  TEE_PARAM_TYPE_NONE) ||
	    !o || p[1].memref.size < 16)
		return TEE_ERROR_BAD_PARAMETERS;
	memset(&id, 0xa5, sizeof(id));
	res = TEE_GetPropertyAsIdentity(TEE_PROPSET_CURRENT_CLIENT,
					"gpd.client.identity", &id);
	p[0].value.a = res;
	p[0].value.b = id.login;
	/* RFC 4122 octets, as the client's TEEC_UUID reads. */
	for (int i = 0; i < 4; i++)
		o[i] = (uint8_t)(u->timeLow >> (24 - 8 * i));
	o[4] = (uint8_t)(u->timeMid >> 8);
	o[5] = (uint8_t)u->timeMid;
	o[6] = (uint8_t)(u->timeHiAndVersion >> 8);
	o[7] = (uint8_t)u->timeHiAndVersion;
	TEE_MemMove(o + 8, u->clockSeqAndNode, 8);
	p[1].memref.size = 16;
	if (TEE_GetPropertyAsString(TEE_PROPSET_CURRENT_CLIENT,
				    "gpd.client.identity", p[2].memref.buffer,
				    &len) != TEE_SUCCESS)
		len = 0;
	p[2].memref.size = len;
	return TEE_SUCCESS;
}

/*
 * Runs while the client keeps requesting cancellation; each observation
 * sets a GP13_CW_* bit. Bounded: 60 s of waiting without a cancellation.
 */
static TEE_Result cmd_cancel_wait(uint32_t pt, TEE_Param p[TEE_NUM_PARAMS])
{
	uint32_t bits = 0, waits = 0;
	TEE_Result res;

	if (pt != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_OUTPUT,
				  TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE,
				  TEE_PARAM_TYPE_NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	if (TEE_UnmaskCancellation())
		bits |= GP13_CW_MASKED_AT_ENTRY;
	while ((res = TEE_Wait(100)) == TEE_SUCCESS && waits < 600)
		waits++;
	if (res == TEE_ERROR_CANCEL)
		bits |= GP13_CW_WAIT_CANCELLED;
	if (TEE_GetCancellationFlag())
		bits |= GP13_CW_FLAG_SET;
	TEE_MaskCancellation();
	if (!TEE_GetCancellationFlag())
		bits |= GP13_CW_MASK_HIDES_FLAG;
	if (TEE_Wait(50) == TEE_SUCCESS)
		bits |= GP13_CW_MASKED_WAIT_RUNS;
	TEE_UnmaskCancellation();
	if (TEE_GetCancellationFlag())
		bits |= GP13_CW_UNMASK_SHOWS_FLAG;
	if (TEE_Wait(5000) == TEE_ERROR_CANCEL)
		bits |= GP13_CW_WAIT_CANCELLED_NOW;
	p[0].value.a = bits;
	p[0].value.b = waits;
	return TEE_SUCCESS;
}

TEE_Result TA_InvokeCommandEntryPoint(void *sess_ctx, uint32_t cmd_id,
				      uint32_t pt,
				      TEE_Param params[TEE_NUM_PARAMS])
{
	const uint32_t value_out = TEE_PARAM_TYPES(
		TEE_PARAM_TYPE_VALUE_OUTPUT, TEE_PARAM_TYPE_NONE,
		TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE);
	TEE_Time t;

	(void)sess_ctx;
	switch (cmd_id) {
	case GP13_CMD_REVERSE:
		return cmd_reverse(pt, params);
	case GP13_CMD_RANDOM:
		return cmd_random(pt, params);
	case GP13_CMD_HEAP:
		return cmd_heap(pt, params);
	case GP13_CMD_PROPS:
		return cmd_props(pt, params);
	case GP13_CMD_SIZES:
		if (pt != value_out)
			return TEE_ERROR_BAD_PARAMETERS;
		params[0].value.a = sizeof(params[0].memref.size);
		params[0].value.b = sizeof(TEE_Param);
		return TEE_SUCCESS;
	case GP13_CMD_TIME:
		if (pt != value_out)
			return TEE_ERROR_BAD_PARAMETERS;
		TEE_GetSystemTime(&t);
		params[0].value.a = t.seconds;
		params[0].value.b = t.millis;
		return TEE_SUCCESS;
	case GP13_CMD_PANIC:
		EMSG("panicking with %#x on request", params[0].value.a);
		TEE_Panic(params[0].value.a);
	case GP13_CMD_CHECKS:
		return cmd_checks(pt, params);
	case GP13_CMD_MEMREF_ACCESS:
		return cmd_memref_access(pt, params);
	case GP13_CMD_MISUSE:
		if (pt != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT,
					  TEE_PARAM_TYPE_NONE,
					  TEE_PARAM_TYPE_NONE,
					  TEE_PARAM_TYPE_NONE))
			return TEE_ERROR_BAD_PARAMETERS;
		gp13_misuse(params[0].value.a);
		EMSG("misuse %u did not panic", params[0].value.a);
		return TEE_ERROR_GENERIC;
	case GP13_CMD_INSTANCE_DATA:
		return cmd_instance_data(pt, params);
	case GP13_CMD_TA_TIME:
		return cmd_ta_time(pt, params);
	case GP13_CMD_CLIENT_ID:
		return cmd_client_id(pt, params);
	case GP13_CMD_CANCEL_WAIT:
		return cmd_cancel_wait(pt, params);
	case GP13_CMD_REE_TIME:
		if (pt != value_out)
			return TEE_ERROR_BAD_PARAMETERS;
		TEE_GetREETime(&t);
		params[0].value.a = t.seconds;
		params[0].value.b = t.millis;
		return TEE_SUCCESS;
	default:
		EMSG("unknown command %u", cmd_id);
		return TEE_ERROR_NOT_SUPPORTED;
	}
}
