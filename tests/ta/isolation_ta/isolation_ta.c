/*
 * isolation_ta: misbehaves on request (see include/isolation_ta.h) so that
 * the in-guest tests can check the core kills it, or refuses its system
 * calls, and lives on.
 */
#include <stdint.h>
#include <string.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>

#include <isolation_ta.h>

#define P(a, b, c, d)                                                          \
	TEE_PARAM_TYPES(TEE_PARAM_TYPE_##a, TEE_PARAM_TYPE_##b,                \
			TEE_PARAM_TYPE_##c, TEE_PARAM_TYPE_##d)
#define RET_INSN 0xd65f03c0u /* AArch64 ret */

volatile uint32_t iso_global = ISO_GLOBAL_MAGIC;
/* Far more than the stack holds; volatile so the recursion is "bounded". */
static volatile uint32_t recurse_limit = 0xffffffffu;

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

static uintptr_t addr_of(TEE_Param *p)
{
	return (uintptr_t)p->value.a | (uintptr_t)p->value.b << 32;
}

static void put_addr(TEE_Param *p, const volatile void *a)
{
	p->value.a = (uint32_t)(uintptr_t)a;
	p->value.b = (uint32_t)((uintptr_t)a >> 32);
}

/* Copies a `ret` to buf and branches to it. */
static void exec_at(uint32_t *buf)
{
	void (*fn)(void) = (void (*)(void))(uintptr_t)buf;

	*(volatile uint32_t *)buf = RET_INSN;
	__asm__ volatile("dsb ish; isb" ::: "memory");
	fn();
}

static __attribute__((noinline)) uint32_t recurse(uint32_t n)
{
	volatile uint8_t pad[256];

	pad[n & 0xff] = (uint8_t)n;
	if (n >= recurse_limit)
		return n;
	return recurse(n + 1) + pad[(n * 7) & 0xff];
}

TEE_Result TA_InvokeCommandEntryPoint(void *sess_ctx, uint32_t cmd_id,
				      uint32_t pt,
				      TEE_Param params[TEE_NUM_PARAMS])
{
	volatile uint32_t local = 0x10ca1;
	uint32_t stack_code[4];
	uint32_t *heap_code;
	uintptr_t a;

	(void)sess_ctx;
	switch (cmd_id) {
	case ISO_CMD_READ_ADDR:
		if (pt != P(VALUE_INPUT, VALUE_OUTPUT, NONE, NONE))
			return TEE_ERROR_BAD_PARAMETERS;
		a = addr_of(&params[0]);
		IMSG("reading 0x%lx", (unsigned long)a);
		params[1].value.a = *(volatile uint8_t *)a;
		return TEE_SUCCESS;
	case ISO_CMD_WRITE_OWN_CODE:
		IMSG("writing to my code at %p", (void *)recurse);
		*(volatile uint32_t *)(uintptr_t)recurse = RET_INSN;
		return TEE_SUCCESS;
	case ISO_CMD_EXEC_STACK:
		IMSG("executing my stack at %p", (void *)stack_code);
		exec_at(stack_code);
		return TEE_SUCCESS;
	case ISO_CMD_EXEC_HEAP:
		heap_code = TEE_Malloc(64, 0);
		if (!heap_code)
			return TEE_ERROR_OUT_OF_MEMORY;
		IMSG("executing my heap at %p", (void *)heap_code);
		exec_at(heap_code);
		TEE_Free(heap_code);
		return TEE_SUCCESS;
	case ISO_CMD_STACK_OVERFLOW:
		IMSG("overflowing my stack");
		params[0].value.a = recurse(0);
		return TEE_SUCCESS;
	case ISO_CMD_SYSCALL_BAD_PTR:
		if (pt != P(VALUE_INPUT, VALUE_INPUT, NONE, NONE))
			return TEE_ERROR_BAD_PARAMETERS;
		a = addr_of(&params[0]);
		IMSG("system call %u on 0x%lx", params[1].value.a,
		     (unsigned long)a);
		switch (params[1].value.a) {
		case 0:
			return TEE_CheckMemoryAccessRights(
				TEE_MEMORY_ACCESS_READ, (void *)a, 16);
		case 1:
			return TEE_CheckMemoryAccessRights(
				TEE_MEMORY_ACCESS_WRITE, (void *)a, 16);
		case 2:
			TEE_GenerateRandom((void *)a, 16);
			return TEE_SUCCESS;
		default:
			return TEE_ERROR_BAD_PARAMETERS;
		}
	case ISO_CMD_REPORT_ADDRS:
		if (pt != P(VALUE_OUTPUT, VALUE_OUTPUT, VALUE_OUTPUT,
			    VALUE_OUTPUT))
			return TEE_ERROR_BAD_PARAMETERS;
		put_addr(&params[0], &local);
		put_addr(&params[1], &iso_global);
		put_addr(&params[2], (const void *)(uintptr_t)recurse);
		params[3].value.a = iso_global;
		params[3].value.b = local;
		return TEE_SUCCESS;
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
}
