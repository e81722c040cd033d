/*
 * Check suites for the non-property parts of GP chapter 4 and 7 that need
 * no client help: TEE_CheckMemoryAccessRights on the TA's own memory and on
 * client memrefs, the heap and TEE_Mem* functions, cancellation masking,
 * TEE_GenerateRandom's edge cases, system time and TEE_Wait, and the
 * core's checks of the pointers the time and client-identity system calls
 * get.
 */
#include <string.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>
#include <user_ta_header.h>

#include "checks.h"

#define R TEE_MEMORY_ACCESS_READ
#define W TEE_MEMORY_ACCESS_WRITE
#define ANY TEE_MEMORY_ACCESS_ANY_OWNER
#define PAGE 4096u

/* The end of the TA image (ta.ld.S). */
extern const uint8_t __ta_image_end[];

/* libutee's raw system calls (lib/libutee/utee_syscalls.c). */
TEE_Result _utee_get_time(unsigned long kind, void *t);
TEE_Result _utee_set_ta_time(const void *t);
TEE_Result _utee_get_client_id(void *id);

static const uint8_t ro_bytes[64] = {1, 2, 3};
static uint8_t data_bytes[64] = {1, 2, 3};
static uint8_t bss_bytes[64];

static TEE_Result check(uint32_t flags, const void *p, size_t n)
{
	return TEE_CheckMemoryAccessRights(flags, (void *)p, n);
}

/* Every combination of READ, WRITE and ANY_OWNER on [p, p + n). */
static void all_flags(struct checks *c, const char *what, const void *p,
		      size_t n, bool writable, bool readable)
{
	for (uint32_t f = 0; f <= (R | W | ANY); f++) {
		TEE_Result want = readable && (writable || !(f & W))
					  ? TEE_SUCCESS
					  : TEE_ERROR_ACCESS_DENIED;

		check_res(c, check(f, p, n), want, __LINE__, what);
	}
}

static void own_memory(struct checks *c)
{
	uint8_t stack_bytes[64] = {0};
	uint8_t *heap = TEE_Malloc(64, TEE_MALLOC_FILL_ZERO);

	CHECK(c, heap != NULL);
	/* The TA's own: every flag combination passes where it may write. */
	all_flags(c, "stack", stack_bytes, sizeof(stack_bytes), true, true);
	all_flags(c, "heap", heap, 64, true, true);
	all_flags(c, ".data", data_bytes, sizeof(data_bytes), true, true);
	all_flags(c, ".bss", bss_bytes, sizeof(bss_bytes), true, true);
	all_flags(c, ".rodata", ro_bytes, sizeof(ro_bytes), false, true);
	all_flags(c, "code", (const void *)(uintptr_t)gp13_mem_access_checks,
		  16, false, true);
	all_flags(c, "ta_head", &ta_head, sizeof(ta_head), false, true);
	/* The whole heap, and the image from its first to its last byte. */
	all_flags(c, "whole heap", ta_heap, ta_heap_size, true, true);
	all_flags(c, "whole image", &ta_head,
		  (size_t)(__ta_image_end - (const uint8_t *)&ta_head), false,
		  true);
	TEE_Free(heap);
}

static void bad_ranges(struct checks *c)
{
	uint8_t stack_bytes[16];
	const void *below_image = (const void *)((uintptr_t)&ta_head - PAGE);
	uintptr_t end_page =
		((uintptr_t)__ta_image_end + PAGE - 1) & ~(uintptr_t)(PAGE - 1);

	all_flags(c, "NULL", NULL, 1, false, false);
	all_flags(c, "256 KiB", (const void *)(256 * 1024), 1, false, false);
	all_flags(c, "below the image", below_image, 1, false, false);
	all_flags(c, "past the image", (const void *)end_page, 1, false, false);
	/* Mapped at the start only. */
	all_flags(c, "image end + 1", (const void *)(end_page - 4), 8, false,
		  false);
	all_flags(c, "heap + 1 MiB", ta_heap, ta_heap_size + (1u << 20), false,
		  false);
	/* Ranges that wrap around the address space. */
	all_flags(c, "wrap", (const void *)(UINTPTR_MAX - 7), 16, false, false);
	all_flags(c, "SIZE_MAX", stack_bytes, SIZE_MAX, false, false);
	/* Size 0 asks for nothing, wherever it points. */
	CHECK_RES(c, check(R | W, NULL, 0), TEE_SUCCESS);
	CHECK_RES(c, check(R | W, (const void *)(UINTPTR_MAX - 7), 0),
		  TEE_SUCCESS);
	/* Flags GP does not define are refused; OP-TEE's SECURE passes. */
	CHECK_RES(c, check(R | 0x8, stack_bytes, 1), TEE_ERROR_BAD_PARAMETERS);
	CHECK_RES(c, check(R | TEE_MEMORY_ACCESS_SECURE, stack_bytes, 1),
		  TEE_SUCCESS);
	CHECK_RES(c, check(R | TEE_MEMORY_ACCESS_NONSECURE, stack_bytes, 1),
		  TEE_ERROR_ACCESS_DENIED);
}

void gp13_mem_access_checks(struct checks *c)
{
	own_memory(c);
	bad_ranges(c);
}

void gp13_memref_access_checks(struct checks *c, void *in, size_t in_size,
			       void *out, size_t out_size)
{
	uint8_t copy[64];

	/* Client memory is shared: only ANY_OWNER accepts it. */
	CHECK_RES(c, check(R | ANY, in, in_size), TEE_SUCCESS);
	CHECK_RES(c, check(ANY, in, in_size), TEE_SUCCESS);
	CHECK_RES(c, check(R, in, in_size), TEE_ERROR_ACCESS_DENIED);
	CHECK_RES(c, check(0, in, in_size), TEE_ERROR_ACCESS_DENIED);
	CHECK_RES(c, check(R | W | ANY, out, out_size), TEE_SUCCESS);
	CHECK_RES(c, check(W | ANY, out, out_size), TEE_SUCCESS);
	CHECK_RES(c, check(W, out, out_size), TEE_ERROR_ACCESS_DENIED);
	CHECK_RES(c, check(R | W, out, out_size), TEE_ERROR_ACCESS_DENIED);
	CHECK_RES(c, check(R, out, 1), TEE_ERROR_ACCESS_DENIED);
	/* Past the last memref page nothing is mapped. */
	CHECK_RES(c, check(R | ANY, out, PAGE + 1), TEE_ERROR_ACCESS_DENIED);
	/* A copy on the stack is the TA's own. */
	TEE_MemMove(copy, in, sizeof(copy));
	CHECK_RES(c, check(R | W, copy, sizeof(copy)), TEE_SUCCESS);
}

static bool all_bytes(const uint8_t *p, size_t n, uint8_t v)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != v)
			return false;
	return true;
}

static void malloc_hints(struct checks *c)
{
	static const uint32_t refused[] = {0x4, 0x8, 0x100, 0x7FFFFFFF};
	uint8_t *p;

	p = TEE_Malloc(100, TEE_MALLOC_NO_FILL);
	CHECK(c, p != NULL);
	TEE_Free(p);
	p = TEE_Malloc(100, TEE_MALLOC_NO_SHARE); /* zeroed: no NO_FILL */
	CHECK(c, p && all_bytes(p, 100, 0));
	CHECK(c, p && check(R | W, p, 100) == TEE_SUCCESS);
	TEE_Free(p);
	p = TEE_Malloc(100, TEE_MALLOC_NO_FILL | TEE_MALLOC_NO_SHARE);
	CHECK(c, p != NULL);
	TEE_Free(p);
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++)
		check_one(c, TEE_Malloc(16, refused[i]) == NULL, __LINE__,
			  "undefined GP hint refused");
	/* 0x80000000 and up are the implementation's: ours ignores them. */
	p = TEE_Malloc(16, 0x80000000);
	CHECK(c, p != NULL);
	TEE_Free(p);
}

static void realloc_free(struct checks *c)
{
	uint8_t *p, *q;

	TEE_Free(NULL);		   /* nothing */
	p = TEE_Realloc(NULL, 40); /* as TEE_Malloc */
	CHECK(c, p != NULL);
	if (!p)
		return;
	TEE_MemFill(p, 0x5a, 40);
	q = TEE_Realloc(p, 8); /* shrinking keeps the start */
	CHECK(c, q && all_bytes(q, 8, 0x5a));
	p = q ? q : p;
	q = TEE_Realloc(p, (size_t)1 << 40); /* too big: NULL, p untouched */
	CHECK(c, q == NULL && all_bytes(p, 8, 0x5a));
	q = TEE_Realloc(p, 3000); /* growing keeps the contents */
	CHECK(c, q && all_bytes(q, 8, 0x5a));
	p = q ? q : p;
	q = TEE_Realloc(p, 0);
	CHECK(c, q != NULL);
	TEE_Free(q ? q : p);
}

static void mem_functions(struct checks *c)
{
	uint8_t a[8] = {1, 2, 3, 4, 5, 6, 7, 8};
	const uint8_t left[8] = {2, 3, 4, 5, 6, 7, 8, 8};
	const uint8_t hi[2] = {0x80, 0}, lo[2] = {0x01, 0};
	uint8_t f[6];

	/* Overlap towards the start; then towards the end. */
	TEE_MemMove(a, a + 1, 7);
	CHECK(c, !TEE_MemCompare(a, left, 8));
	TEE_MemMove(a + 2, a, 4);
	CHECK(c, a[2] == 2 && a[5] == 5 && a[6] == 8);
	TEE_MemMove(NULL, NULL, 0); /* size 0: no access */
	CHECK(c, TEE_MemCompare(a, a, 8) == 0);
	/* Bytes compare unsigned: 0x80 is above 0x01. */
	CHECK(c, TEE_MemCompare(hi, lo, 2) > 0);
	CHECK(c, TEE_MemCompare(lo, hi, 2) < 0);
	CHECK(c, TEE_MemCompare(hi, lo, 0) == 0);
	CHECK(c, TEE_MemCompare(NULL, NULL, 0) == 0);
	/* Only the low byte of x fills. */
	memset(f, 0, sizeof(f));
	TEE_MemFill(f, 0x1AB, 4);
	CHECK(c, all_bytes(f, 4, 0xAB) && f[4] == 0 && f[5] == 0);
	TEE_MemFill(f, 0x11, 0);
	CHECK(c, f[0] == 0xAB);
	TEE_MemFill(NULL, 0, 0);
}

void gp13_mem_api_checks(struct checks *c)
{
	malloc_hints(c);
	realloc_free(c);
	mem_functions(c);
}

void gp13_cancel_mask_checks(struct checks *c)
{
	/* Masked at every entry; each call returns the state before it. */
	CHECK(c, TEE_UnmaskCancellation() == true);
	CHECK(c, TEE_UnmaskCancellation() == false);
	CHECK(c, TEE_GetCancellationFlag() == false); /* nobody asked */
	CHECK_RES(c, TEE_Wait(1), TEE_SUCCESS);
	CHECK(c, TEE_MaskCancellation() == false);
	CHECK(c, TEE_MaskCancellation() == true);
	CHECK(c, TEE_GetCancellationFlag() == false);
	CHECK_RES(c, TEE_Wait(0), TEE_SUCCESS);
	CHECK_RES(c, TEE_Wait(20), TEE_SUCCESS);
	/* Left unmasked: the next entry must start masked again. */
	CHECK(c, TEE_UnmaskCancellation() == true);
}

void gp13_random_checks(struct checks *c)
{
	uint8_t a[32], b[32];
	uint8_t *big = TEE_Malloc(4097, TEE_MALLOC_FILL_ZERO);

	TEE_GenerateRandom(NULL, 0); /* nothing to write: no panic */
	memset(a, 0xa5, sizeof(a));
	TEE_GenerateRandom(a, 0);
	CHECK(c, all_bytes(a, sizeof(a), 0xa5));
	TEE_GenerateRandom(a, sizeof(a));
	TEE_GenerateRandom(b, sizeof(b));
	CHECK(c, !all_bytes(a, sizeof(a), 0xa5) && memcmp(a, b, sizeof(a)));
	/* An odd size across a page: the last bytes are written too. */
	CHECK(c, big != NULL);
	if (big) {
		TEE_GenerateRandom(big, 4097);
		CHECK(c, !all_bytes(big + 4081, 16, 0));
		TEE_Free(big);
	}
}

void gp13_raw_syscall_checks(struct checks *c)
{
	const void *core = (const void *)0x0e100000; /* the core's image */
	uintptr_t end_page =
		((uintptr_t)__ta_image_end + PAGE - 1) & ~(uintptr_t)(PAGE - 1);
	const void *straddle = (const void *)(end_page - 4);
	const void *wrap = (const void *)(UINTPTR_MAX - 3);
	static const uint32_t bad_millis[2] = {0, 1000};
	uint32_t t[2];
	uint8_t id[20];

	/* TA persistent time: read needs a writable, mapped 8 bytes. */
	CHECK_RES(c, _utee_get_time(2, NULL), TEE_ERROR_ACCESS_DENIED);
	CHECK_RES(c, _utee_get_time(2, (void *)ro_bytes),
		  TEE_ERROR_ACCESS_DENIED);
	CHECK_RES(c, _utee_get_time(2, (void *)core), TEE_ERROR_ACCESS_DENIED);
	CHECK_RES(c, _utee_get_time(2, (void *)straddle),
		  TEE_ERROR_ACCESS_DENIED);
	CHECK_RES(c, _utee_get_time(2, (void *)wrap), TEE_ERROR_ACCESS_DENIED);
	CHECK_RES(c, _utee_get_time(0, NULL), TEE_ERROR_ACCESS_DENIED);
	CHECK_RES(c, _utee_get_time(99, t), TEE_ERROR_BAD_PARAMETERS);
	/* ... and set needs a readable one holding a valid time. */
	CHECK_RES(c, _utee_set_ta_time(NULL), TEE_ERROR_ACCESS_DENIED);
	CHECK_RES(c, _utee_set_ta_time(core), TEE_ERROR_ACCESS_DENIED);
	CHECK_RES(c, _utee_set_ta_time(straddle), TEE_ERROR_ACCESS_DENIED);
	CHECK_RES(c, _utee_set_ta_time(wrap), TEE_ERROR_ACCESS_DENIED);
	CHECK_RES(c, _utee_set_ta_time(bad_millis), TEE_ERROR_BAD_PARAMETERS);
	/* The client identity. */
	CHECK_RES(c, _utee_get_client_id(NULL), TEE_ERROR_ACCESS_DENIED);
	CHECK_RES(c, _utee_get_client_id((void *)ro_bytes),
		  TEE_ERROR_ACCESS_DENIED);
	CHECK_RES(c, _utee_get_client_id((void *)core),
		  TEE_ERROR_ACCESS_DENIED);
	CHECK_RES(c, _utee_get_client_id((void *)straddle),
		  TEE_ERROR_ACCESS_DENIED);
	CHECK_RES(c, _utee_get_client_id(id), TEE_SUCCESS);
}

static uint64_t ms_of(const TEE_Time *t)
{
	return (uint64_t)t->seconds * 1000 + t->millis;
}

void gp13_time_checks(struct checks *c)
{
	TEE_Time a, b, r;

	TEE_GetSystemTime(&a);
	CHECK_RES(c, TEE_Wait(200), TEE_SUCCESS);
	TEE_GetSystemTime(&b);
	CHECK(c, a.millis < 1000 && b.millis < 1000);
	/* A lower bound only: the wait may take longer, never less. */
	CHECK(c, ms_of(&b) >= ms_of(&a) + 200);
	CHECK_RES(c, TEE_Wait(0), TEE_SUCCESS);
	TEE_GetSystemTime(&a);
	CHECK(c, ms_of(&a) >= ms_of(&b));
	memset(&r, 0xff, sizeof(r));
	TEE_GetREETime(&r);
	CHECK(c, r.millis < 1000);
}
