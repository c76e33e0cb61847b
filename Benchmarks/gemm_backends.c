// The engine's matrix-product shapes timed on one BLAS backend (issue 22): row-major C[m,n] = A[m,k] * B[k,n],
// best of 5 rounds, GFLOP/s. Built once per backend by `scripts/bench.sh kernels` (-DUSE_DNNL for oneDNN's
// dnnl_sgemm, otherwise the cblas_sgemm of the library it is linked with: OpenBLAS or BLIS).
// Shapes: the MLP's layers at batch 1 and 256, ResNet-20's im2col products per sample (stem, stages 1-3) and
// batched over 256 samples, the small CNN's two convolutions, and an LSTM step (hidden 64, 4 gates).
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <string.h>
#ifdef USE_DNNL
#include <dnnl.h>
#else
#include <cblas.h>
#endif
static double now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
static void gemm(int m,int n,int k,const float*a,const float*b,float*c){
#ifdef USE_DNNL
  dnnl_sgemm('N','N',m,n,k,1.0f,a,k,b,n,0.0f,c,n);
#else
  cblas_sgemm(CblasRowMajor,CblasNoTrans,CblasNoTrans,m,n,k,1.0f,a,k,b,n,0.0f,c,n);
#endif
}
int main(int argc,char**argv){
  int shapes[][3]={{1,256,64},{1,256,256},{1,10,256},{256,256,64},{256,256,256},{256,10,256},
   {16,1024,27},{16,1024,144},{32,256,288},{64,64,576},{16,262144,144},{32,65536,288},{64,16384,576},
   {8,784,9},{16,196,72},{1,256,64},{256,256,64}};
  const char* names[]={"mlp b1 L1","mlp b1 L2","mlp b1 L3","mlp b256 L1","mlp b256 L2","mlp b256 L3",
   "r20 stem b1","r20 s1 b1","r20 s2 b1","r20 s3 b1","r20 s1 b256","r20 s2 b256","r20 s3 b256",
   "cnn c1 b1","cnn c2 b1","lstm step b1","lstm step b256"};
  int ns=sizeof(shapes)/sizeof(shapes[0]);
  for(int s=0;s<ns;s++){
    int m=shapes[s][0],n=shapes[s][1],k=shapes[s][2];
    float*a=malloc(sizeof(float)*m*k),*b=malloc(sizeof(float)*k*n),*c=malloc(sizeof(float)*m*n);
    for(long i=0;i<(long)m*k;i++)a[i]=(i%7)*0.1f; for(long i=0;i<(long)k*n;i++)b[i]=(i%5)*0.1f;
    double flops=2.0*m*n*k; int reps=(int)(2e8/flops)+1; double best=1e9;
    for(int r=0;r<5;r++){double t=now();for(int i=0;i<reps;i++)gemm(m,n,k,a,b,c);t=(now()-t)/reps;if(t<best)best=t;}
    printf("%-16s %5d %6d %4d  %8.2f us  %7.1f GFLOP/s\n",names[s],m,n,k,best*1e6,flops/best/1e9);
    free(a);free(b);free(c);
  }
}
