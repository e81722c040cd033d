#include "fake_nw.h"

#include <kernel/log.h>
#include <rampart/plat.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tee/ns_mem.h>

uint8_t *fake_ns_ram;
struct thread fake_thread;
void (*fake_nw_rpc)(uint32_t func);
unsigned int fake_rpc_count;

void fake_ns_reset(void)
{
	if (!fake_ns_ram)
		fake_ns_ram = aligned_alloc(4096, FAKE_NS_SIZE);
	memset(fake_ns_ram, 0, FAKE_NS_SIZE);
	plat_set_ns_dram_size(FAKE_NS_SIZE);
	fake_nw_rpc = NULL;
	fake_rpc_count = 0;
	memset(&fake_thread, 0, sizeof(fake_thread));
}

static bool in_fake(paddr_t pa, size_t len)
{
	return plat_is_ns_dram(pa, len) && pa >= FAKE_NS_BASE &&
	       pa - FAKE_NS_BASE + len <= FAKE_NS_SIZE;
}

TEE_Result ns_mem_read(paddr_t pa, void *dst, size_t len)
{
	if (!len)
		return TEE_SUCCESS;
	if (!in_fake(pa, len))
		return TEE_ERROR_BAD_PARAMETERS;
	memcpy(dst, fake_ns_ptr(pa), len);
	return TEE_SUCCESS;
}

TEE_Result ns_mem_write(paddr_t pa, const void *src, size_t len)
{
	if (!len)
		return TEE_SUCCESS;
	if (!in_fake(pa, len))
		return TEE_ERROR_BAD_PARAMETERS;
	memcpy(fake_ns_ptr(pa), src, len);
	return TEE_SUCCESS;
}

struct thread *thread_current(void) { return &fake_thread; }
struct thread *thread_by_index(unsigned int i)
{
	return i == 0 ? &fake_thread : NULL;
}
unsigned int thread_count(void) { return 1; }
uint64_t thread_ethread_limit_count(void) { return 0; }

void thread_rpc(uint32_t rpc_func, uint64_t a1, uint64_t a2)
{
	(void)a1;
	(void)a2;
	fake_rpc_count++;
	if (fake_nw_rpc)
		fake_nw_rpc(rpc_func);
}

void fake_run_std_call(uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3,
		       uint64_t out[4])
{
	memset(&fake_thread.args, 0, sizeof(fake_thread.args));
	fake_thread.args.a[0] = a0;
	fake_thread.args.a[1] = a1;
	fake_thread.args.a[2] = a2;
	fake_thread.args.a[3] = a3;
	tee_entry_std(&fake_thread, out);
}

/* Time: a counter that advances fast enough for bounded waits to expire. */
static uint64_t counter;
uint64_t system_counter(void) { return counter += 1000000; }
uint64_t secure_timer_freq(void) { return 62500000; }

void core_log(const char *fmt, ...)
{
	(void)fmt;
}

void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "core panic: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
	va_end(ap);
	abort();
}

/* No user-mode TAs on the host: unknown UUIDs stay unknown. */
#include <tee/user_ta.h>
const struct pta user_ta_session_ops = { .name = "fake user TA" };
TEE_Result user_ta_open_session(const uint8_t uuid[16],
				const struct tee_identity *client,
				uint32_t types, union tee_param p[4],
				void **session_ctx, uint32_t *origin)
{
	(void)uuid;
	(void)client;
	(void)types;
	(void)p;
	(void)session_ctx;
	*origin = TEE_ORIGIN_TEE;
	return TEE_ERROR_ITEM_NOT_FOUND;
}

/* The debug PTA reports the TA page pool; the host has an empty one. */
#include <mm/page_pool.h>
struct page_pool core_page_pool;
