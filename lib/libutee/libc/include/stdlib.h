/*
 * General utilities of the TA libc. malloc and friends allocate from the
 * TA heap (the same one TEE_Malloc uses; malloc does not zero, calloc
 * does). abort() panics the TA.
 */
#ifndef RAMPART_TA_STDLIB_H
#define RAMPART_TA_STDLIB_H

#include <compiler.h>
#include <stddef.h>

void *malloc(size_t size);
void *calloc(size_t nmemb, size_t size);
void *realloc(void *ptr, size_t size);
void free(void *ptr);

void abort(void) __noreturn;

int abs(int x);
long labs(long x);
long long llabs(long long x);

long strtol(const char *__restrict s, char **__restrict end, int base);
unsigned long strtoul(const char *__restrict s, char **__restrict end,
		      int base);
long long strtoll(const char *__restrict s, char **__restrict end, int base);
unsigned long long strtoull(const char *__restrict s, char **__restrict end,
			    int base);
int atoi(const char *s);
long atol(const char *s);

void qsort(void *base, size_t nmemb, size_t size,
	   int (*compar)(const void *, const void *));
void *bsearch(const void *key, const void *base, size_t nmemb, size_t size,
	      int (*compar)(const void *, const void *));

#endif
