/*
 * The debug pseudo TA (inc/rampart/abi/pta_debug.h): page pool use and
 * core addresses, for the isolation tests.
 */
#include <mm/page_pool.h>
#include <rampart/abi/pta_debug.h>
#include <tee/pta.h>

#define T(a, b) TEE_PARAM_TYPES(a, b, TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE)
#define VOUT TEE_PARAM_TYPE_VALUE_OUTPUT
#define NONE TEE_PARAM_TYPE_NONE

static void put_addr(union tee_param *p, uintptr_t a)
{
	p->value.a = (uint32_t)a;
	p->value.b = (uint32_t)(a >> 32);
}

static TEE_Result invoke(void *ctx, uint32_t cmd, uint32_t types,
			 union tee_param p[4])
{
	(void)ctx;
	switch (cmd) {
	case PTA_DEBUG_CMD_PAGE_POOL_FREE:
		if (types != T(VOUT, NONE))
			return TEE_ERROR_BAD_PARAMETERS;
		/* A racy snapshot is fine: the tests run alone. */
		p[0].value.a = (uint32_t)__atomic_load_n(
			&core_page_pool.free_pages, __ATOMIC_RELAXED);
		p[0].value.b = (uint32_t)core_page_pool.pages;
		return TEE_SUCCESS;
	case PTA_DEBUG_CMD_CORE_ADDRS:
		if (types != T(VOUT, VOUT))
			return TEE_ERROR_BAD_PARAMETERS;
		put_addr(&p[0], (uintptr_t)&core_page_pool);
		put_addr(&p[1], (uintptr_t)invoke);
		return TEE_SUCCESS;
	default:
		return TEE_ERROR_NOT_IMPLEMENTED;
	}
}

const struct pta pta_debug = {
	.name = "debug.pta",
	.uuid = PTA_DEBUG_UUID_OCTETS,
	.invoke = invoke,
};
