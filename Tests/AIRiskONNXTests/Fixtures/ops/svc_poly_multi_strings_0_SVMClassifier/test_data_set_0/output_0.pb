2
versicolor2setosa2	virginica2
versicolor2
versicolor2
versicolor2	virginica2	virginicaBlabel