/*
 * bti_ta: takes forbidden branches and returns on request (see
 * include/bti_ta.h) so that the in-guest tests can check that the core
 * guards the pages of TAs built with landing pads and gives each instance
 * its own pointer-authentication keys.
 */
#include <stdint.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>

#include <bti_ta.h>

#define P(a, b, c, d)                                                          \
	TEE_PARAM_TYPES(TEE_PARAM_TYPE_##a, TEE_PARAM_TYPE_##b,                \
			TEE_PARAM_TYPE_##c, TEE_PARAM_TYPE_##d)

/* bti_asm.S */
uint64_t bti_jump_no_pad(void);
uint64_t bti_jump_to_pad(void);
uint64_t pac_corrupt_return(void);
uint64_t pac_sign(uint64_t ptr, uint64_t modifier);

/* A leaf (starts with `bti c`) and a non-leaf (starts with `paciasp`). */
static __attribute__((noinline)) uint32_t leaf_add(uint32_t x, uint32_t y)
{
	__asm__ volatile("" ::: "memory");
	return x + y;
}

static uint32_t (*volatile add_fn)(uint32_t, uint32_t) = leaf_add;

static __attribute__((noinline)) uint32_t nonleaf_add(uint32_t x, uint32_t y)
{
	return add_fn(x, y / 2) + add_fn(0, y - y / 2);
}

/* Volatile pointers: the compiler must call through blr. */
static uint32_t (*volatile nonleaf_fn)(uint32_t, uint32_t) = nonleaf_add;
static uint64_t (*volatile pad_fn)(void) = bti_jump_to_pad;
static uint64_t (*volatile no_pad_fn)(void) = bti_jump_no_pad;
static uint64_t (*volatile corrupt_fn)(void) = pac_corrupt_return;

TEE_Result TA_CreateEntryPoint(void)
{
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
}

TEE_Result TA_OpenSessionEntryPoint(uint32_t param_types,
				    TEE_Param params[TEE_NUM_PARAMS],
				    void **sess_ctx)
{
	(void)param_types;
	(void)params;
	*sess_ctx = NULL;
	return TEE_SUCCESS;
}

void TA_CloseSessionEntryPoint(void *sess_ctx)
{
	(void)sess_ctx;
}

static void put64(TEE_Param *p, uint64_t v)
{
	p->value.a = (uint32_t)v;
	p->value.b = (uint32_t)(v >> 32);
}

TEE_Result TA_InvokeCommandEntryPoint(void *sess_ctx, uint32_t cmd_id,
				      uint32_t pt,
				      TEE_Param params[TEE_NUM_PARAMS])
{
	uint64_t r;

	(void)sess_ctx;
	if (pt != P(VALUE_OUTPUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	switch (cmd_id) {
	case BTI_CMD_BAD_LANDING:
		IMSG("br to an instruction that is no landing pad");
		put64(&params[0], no_pad_fn());
		return TEE_SUCCESS;
	case BTI_CMD_PAC_CORRUPT:
		IMSG("returning through a forged return address");
		put64(&params[0], corrupt_fn());
		return TEE_SUCCESS;
	case BTI_CMD_GOOD_PATH:
		r = pad_fn() == 2 ? BTI_GOOD_MAGIC - 1000 : 0;
		r = nonleaf_fn((uint32_t)r, 999) + add_fn(0, 1);
		put64(&params[0], r);
		return TEE_SUCCESS;
	case BTI_CMD_PAC_SIGN:
		put64(&params[0], pac_sign(BTI_SIGN_PTR, BTI_SIGN_MODIFIER));
		return TEE_SUCCESS;
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
}
