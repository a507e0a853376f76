// Prototypes of the reference Fortran BLAS/LAPACK routines that highneeds calls.
//
// Fortran calling convention as gfortran implements it (Debian's liblapack3/libblas3, or
// OpenBLAS through Debian's alternatives):
// - every argument by pointer; INTEGER is 32-bit (int);
// - matrices column-major;
// - one hidden length argument (size_t, after all the others, in order) for every CHARACTER
//   argument. Omitting them is undefined behaviour (GCC bug 90329).
//
// Only Sources/LinearAlgebra/LAPACK.swift may call these.
#ifndef HIGHNEEDS_CLAPACK_SHIM_H
#define HIGHNEEDS_CLAPACK_SHIM_H

#include <stddef.h>

// LAPACK's own version (3.11.0 on Debian bookworm).
void ilaver_(int *major, int *minor, int *patch);
// QR with column pivoting.
void dgeqp3_(const int *m, const int *n, double *a, const int *lda, int *jpvt, double *tau,
             double *work, const int *lwork, int *info);
// Multiply by Q or Q' from a QR factorization.
void dormqr_(const char *side, const char *trans, const int *m, const int *n, const int *k,
             const double *a, const int *lda, const double *tau, double *c, const int *ldc,
             double *work, const int *lwork, int *info, size_t side_len, size_t trans_len);
// Triangular solve.
void dtrtrs_(const char *uplo, const char *trans, const char *diag, const int *n, const int *nrhs,
             const double *a, const int *lda, double *b, const int *ldb, int *info,
             size_t uplo_len, size_t trans_len, size_t diag_len);
// Triangular inverse.
void dtrtri_(const char *uplo, const char *diag, const int *n, double *a, const int *lda, int *info,
             size_t uplo_len, size_t diag_len);
// Singular value decomposition.
void dgesvd_(const char *jobu, const char *jobvt, const int *m, const int *n, double *a,
             const int *lda, double *s, double *u, const int *ldu, double *vt, const int *ldvt,
             double *work, const int *lwork, int *info, size_t jobu_len, size_t jobvt_len);
// Minimum-norm least squares by SVD (divide and conquer).
void dgelsd_(const int *m, const int *n, const int *nrhs, double *a, const int *lda, double *b,
             const int *ldb, double *s, const double *rcond, int *rank, double *work,
             const int *lwork, int *iwork, int *info);
// Cholesky factorization, solve, and inverse from the factor.
void dpotrf_(const char *uplo, const int *n, double *a, const int *lda, int *info, size_t uplo_len);
void dpotrs_(const char *uplo, const int *n, const int *nrhs, const double *a, const int *lda,
             double *b, const int *ldb, int *info, size_t uplo_len);
void dpotri_(const char *uplo, const int *n, double *a, const int *lda, int *info, size_t uplo_len);
// C = alpha op(A) op(B) + beta C.
void dgemm_(const char *transa, const char *transb, const int *m, const int *n, const int *k,
            const double *alpha, const double *a, const int *lda, const double *b, const int *ldb,
            const double *beta, double *c, const int *ldc, size_t transa_len, size_t transb_len);
// y = alpha op(A) x + beta y.
void dgemv_(const char *trans, const int *m, const int *n, const double *alpha, const double *a,
            const int *lda, const double *x, const int *incx, const double *beta, double *y,
            const int *incy, size_t trans_len);

// Unblocked routines that the drivers above reach for small problems; LAPACK.swift calls them
// directly there, skipping the drivers' ILAENV block-size look-ups (see LAPACK.swift).
double dnrm2_(const int *n, const double *x, const int *incx);
void dlaqp2_(const int *m, const int *n, const int *offset, double *a, const int *lda, int *jpvt,
             double *tau, double *vn1, double *vn2, double *work);
void dorm2r_(const char *side, const char *trans, const int *m, const int *n, const int *k,
             double *a, const int *lda, const double *tau, double *c, const int *ldc, double *work,
             int *info, size_t side_len, size_t trans_len);
void dtrti2_(const char *uplo, const char *diag, const int *n, double *a, const int *lda, int *info,
             size_t uplo_len, size_t diag_len);
void dgebd2_(const int *m, const int *n, double *a, const int *lda, double *d, double *e,
             double *tauq, double *taup, double *work, int *info);
void dbdsqr_(const char *uplo, const int *n, const int *ncvt, const int *nru, const int *ncc,
             double *d, double *e, double *vt, const int *ldvt, double *u, const int *ldu,
             double *c, const int *ldc, double *work, int *info, size_t uplo_len);

#endif
