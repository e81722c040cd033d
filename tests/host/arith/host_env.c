/*
 * What arith_ta and libutee's Arithmetical API need from libutee and the
 * core, on the host: TEE_Panic (a longjmp out of the invocation), the heap
 * (host_calloc/host_free: the TA and mbedTLS are compiled with calloc and
 * free renamed to these, so that a panic can free the dead instance's
 * memory and anything else left after a command is reported as a leak),
 * TEE_GenerateRandom and the
 * traces (to stdout, in the secure log's "E/TA: ..." format).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <tee_internal_api.h>

#include "host_ta.h"

int trace_level = TRACE_MAX;
const char trace_ext_prefix[] = "TA";

/* Every live allocation, so that a panic can free the instance's. */
struct block {
	struct block *prev, *next;
	max_align_t payload[];
};

static struct block live = {&live, &live};
static jmp_buf *panic_jump;

void *host_calloc(size_t n, size_t size);
void host_free(void *p);

void *host_calloc(size_t n, size_t size)
{
	struct block *b;
	size_t total;

	if (__builtin_mul_overflow(n, size, &total) ||
	    __builtin_add_overflow(total, sizeof(*b), &total))
		return NULL;
	b = calloc(1, total);
	if (!b)
		return NULL;
	b->prev = &live;
	b->next = live.next;
	live.next->prev = b;
	live.next = b;
	return b->payload;
}

void host_free(void *p)
{
	struct block *b;

	if (!p)
		return;
	b = (struct block *)((char *)p - offsetof(struct block, payload));
	b->prev->next = b->next;
	b->next->prev = b->prev;
	free(b);
}

void *TEE_Malloc(size_t size, uint32_t hint)
{
	(void)hint; /* the TA only asks for zeroed memory */
	return host_calloc(1, size ? size : 1);
}

void TEE_Free(void *buffer)
{
	host_free(buffer);
}

void TEE_Panic(TEE_Result panicCode)
{
	printf("TA called TEE_Panic(0x%x)\n", panicCode);
	longjmp(*panic_jump, 1);
}

void TEE_GenerateRandom(void *randomBuffer, size_t randomBufferLen)
{
	uint8_t *p = randomBuffer;

	while (randomBufferLen) {
		ssize_t n = getrandom(p, randomBufferLen, 0);

		if (n <= 0)
			abort();
		p += n;
		randomBufferLen -= (size_t)n;
	}
}

void trace_printf(const char *func, int line, int level, bool level_ok,
		  const char *fmt, ...)
{
	va_list ap;

	(void)func;
	(void)line;
	(void)level_ok;
	printf("%c/TA: ", "?EIDF"[level >= 1 && level <= 4 ? level : 0]);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

bool host_ta_invoke(uint32_t cmd, void *req, size_t req_size, void *rsp,
		    size_t *rsp_size, uint32_t *res)
{
	TEE_Param p[TEE_NUM_PARAMS];
	jmp_buf jump;

	memset(p, 0, sizeof(p));
	p[0].memref.buffer = req;
	p[0].memref.size = req_size;
	p[1].memref.buffer = rsp;
	p[1].memref.size = *rsp_size;
	panic_jump = &jump;
	if (setjmp(jump)) {
		while (live.next != &live)
			host_free(live.next->payload);
		return false;
	}
	*res = TA_InvokeCommandEntryPoint(
		NULL, cmd,
		TEE_PARAM_TYPES(TEE_PARAM_TYPE_MEMREF_INPUT,
				TEE_PARAM_TYPE_MEMREF_OUTPUT,
				TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE),
		p);
	*rsp_size = p[1].memref.size;
	/* Each command frees what it allocated (and what the API did):
	 * anything left is a leak that would exhaust a real TA's heap. */
	if (live.next != &live) {
		size_t n = 0;

		while (live.next != &live) {
			host_free(live.next->payload);
			n++;
		}
		printf("ERROR: TA leaked %zu heap blocks in one command\n", n);
	}
	return true;
}
